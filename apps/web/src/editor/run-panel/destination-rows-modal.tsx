import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

import type { RunResultProps } from './run-result-modal';
import { trpc } from '../../lib/trpc';
import { RunResultModal } from './run-result-modal';

/** Longer text is cut in the grid; the full value is in the cell's tooltip. */
const SHOWN_CHARS = 80;

/** A value as the database returned it: NULL marked as such, apart from the empty string. */
function Cell({ value }: { value: string | null }) {
  if (value === null) {
    return (
      <Text span size="xs" c="dimmed" fs="italic" data-null>
        NULL
      </Text>
    );
  }
  const cut = value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value;
  return <span title={value === cut ? undefined : value}>{cut}</span>;
}

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
            <Table striped withTableBorder fz="xs" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  {data.columns.map((column) => (
                    <Table.Th key={column.name} style={{ whiteSpace: 'nowrap' }}>
                      {column.name}{' '}
                      <Text span size="xs" c="dimmed" fw={400}>
                        {column.type}
                      </Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row, i) => (
                  <Table.Tr key={i} data-testid="destination-row">
                    {row.map((value, j) => (
                      <Table.Td key={j} style={{ whiteSpace: 'nowrap' }}>
                        <Cell value={value} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </RunResultModal>
  );
}
