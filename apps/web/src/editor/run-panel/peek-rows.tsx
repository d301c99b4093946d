import { Alert, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

import type { RunDetail, RunStageDetail } from '../store/run-types';
import { trpc } from '../../lib/trpc';
import { PreviewTable } from '../data-preview/preview-table';

/**
 * The rows each peek of a succeeded run kept, under the stage table: in the run just watched and
 * in a past run reopened from the history alike, since the rows are kept with the run.
 */
export function PeekRows({ run }: { run: RunDetail }) {
  if (run.state !== 'succeeded') return null;
  const peeks = run.stages.filter((stage) => stage.peeked);
  if (peeks.length === 0) return null;
  return (
    <Stack gap="sm" mt="sm">
      {peeks.map((stage) => (
        <PeekOf key={stage.stageId} runId={run.id} stage={stage} />
      ))}
    </Stack>
  );
}

function PeekOf({ runId, stage }: { runId: string; stage: RunStageDetail }) {
  const result = useQuery(trpc.run.peekRows.queryOptions({ runId, stageId: stage.stageId }));
  const data = result.data;
  return (
    <section data-testid="peek-rows" data-stage-id={stage.stageId}>
      <Text size="sm" fw={600}>
        {stage.label}
      </Text>
      {result.isError && (
        <Alert color="red" title="Rows not shown">
          {result.error.message}
        </Alert>
      )}
      {data && (
        <>
          <Text size="xs" c="dimmed" mb={4} data-testid="peek-rows-note">
            {data.more
              ? `The first ${String(data.rows.length)} rows that arrived at this peek.`
              : `All ${String(data.rows.length)} rows that arrived at this peek.`}
          </Text>
          <Table.ScrollContainer minWidth={400} type="native" mah={320}>
            <PreviewTable columns={data.columns} rows={data.rows} rowTestId="peek-row" />
          </Table.ScrollContainer>
        </>
      )}
    </section>
  );
}
