import { Alert, Center, Code, Loader, Modal, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

import { errorMessage, trpc } from '../../lib/trpc';

/** The first lines of the file an export stage of a run wrote, read when it opens. */
export function ExportHeadModal({
  runId,
  stage,
  onClose,
}: {
  runId: string;
  stage: { stageId: string; label: string };
  onClose: () => void;
}) {
  const result = useQuery(
    trpc.run.exportHead.queryOptions({ runId, stageId: stage.stageId }, { gcTime: 0 }),
  );
  const data = result.data;
  return (
    <Modal
      opened
      onClose={onClose}
      size="90%"
      title={data ? `${stage.label}: ${data.uri}` : stage.label}
    >
      {result.isPending && (
        <Center p="lg">
          <Loader size="sm" />
        </Center>
      )}
      {result.isError && (
        <Alert color="red" icon={<IconAlertTriangle />} title="File not shown">
          {errorMessage(result.error)}
        </Alert>
      )}
      {data && (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            {data.more
              ? `The first ${String(data.lines.length)} lines of the file as it is now; download it from the External stages page.`
              : `The whole file as it is now (${String(data.lines.length)} lines).`}
          </Text>
          <Code
            block
            data-testid="export-head"
            style={{ maxHeight: '65vh', overflow: 'auto', whiteSpace: 'pre', fontSize: 12 }}
          >
            {data.lines.join('\n')}
          </Code>
        </>
      )}
    </Modal>
  );
}
