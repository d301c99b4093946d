import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

import type { RunResultProps } from './run-result-modal';
import { trpc } from '../../lib/trpc';
import { PreviewTable } from '../data-preview/preview-table';
import { RunResultModal } from './run-result-modal';

/** The first rows of the table a destination stage of a run wrote, read when it opens. */
export function DestinationRowsModal({ runId, stage, onClose }: RunResultProps) {
  const result = useQuery(
    trpc.run.destinationRows.queryOptions({ runId, stageId: stage.stageId }, { gcTime: 0 }),
  );
  const data = result.data;
  return (
    <RunResultModal
      title={data ? `${stage.label}: ${data.table}` : stage.label}
      onClose={onClose}
      query={result}
      errorTitle="Rows not shown"
    >
      {data && (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            {data.more
              ? `The first ${String(data.rows.length)} rows of the table as it is now.`
              : `All ${String(data.rows.length)} rows of the table as it is now.`}
          </Text>
          <Table.ScrollContainer minWidth={400} type="native" mah="65vh">
            <PreviewTable columns={data.columns} rows={data.rows} rowTestId="destination-row" />
          </Table.ScrollContainer>
        </>
      )}
    </RunResultModal>
  );
}
