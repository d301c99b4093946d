import { Code, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

import type { RunResultProps } from './run-result-modal';
import { trpc } from '../../lib/trpc';
import { RunResultModal } from './run-result-modal';

/** The first lines of the file an export stage of a run wrote, read when it opens. */
export function ExportHeadModal({ runId, stage, onClose }: RunResultProps) {
  const result = useQuery(
    trpc.run.exportHead.queryOptions({ runId, stageId: stage.stageId }, { gcTime: 0 }),
  );
  const data = result.data;
  return (
    <RunResultModal
      title={data ? `${stage.label}: ${data.uri}` : stage.label}
      onClose={onClose}
      query={result}
      errorTitle="File not shown"
    >
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
    </RunResultModal>
  );
}
