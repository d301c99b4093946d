import { Table, Text } from '@mantine/core';

import type { RouterOutputs } from '@sluice/server';

import { PreviewCell } from './preview-cell';

type Succeeded = Extract<RouterOutputs['data']['preview'], { state: 'succeeded' }>;

/**
 * Rows as the target returned them under a sticky header of column names, each with its type:
 * a preview's, or a destination table's after a run. `rowTestId` names the rows for journeys.
 */
export function PreviewTable({
  columns,
  rows,
  rowTestId = 'preview-row',
}: {
  columns: readonly { name: string; type?: string }[];
  rows: Succeeded['rows'];
  rowTestId?: string;
}) {
  return (
    <Table
      stickyHeader
      striped
      highlightOnHover
      withColumnBorders
      fz="xs"
      verticalSpacing={4}
      data-testid="preview-table"
      style={{ whiteSpace: 'nowrap' }}
    >
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, i) => (
            <Table.Th key={i} data-testid="preview-column">
              <Text size="xs" fw={600} span>
                {column.name}
              </Text>{' '}
              <Text size="xs" c="dimmed" span data-testid="preview-column-type">
                {column.type}
              </Text>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, r) => (
          <Table.Tr key={r} data-testid={rowTestId}>
            {row.map((value, c) => (
              <Table.Td key={c}>
                <PreviewCell value={value} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
