import type { ReactNode } from 'react';
import { Button, Input, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

import type { FieldProps } from './field-props';
import { rowProblems } from './field-props';
import { RowMessages } from './row-messages';

/** The problems of one row, as `rowProblems` gives them. */
export type RowProblems = ReturnType<typeof rowProblems>;

/**
 * A list field's frame: its label and help, a line while it is empty, each row with its problems
 * under it, and a button that adds a row. The row's own boxes come from `row`.
 */
export function ListField<T>(props: {
  field: Pick<FieldProps, 'hint' | 'invalid' | 'rowIssues'>;
  rows: readonly T[];
  empty: string;
  /** Names the row, error, and add button test ids: `<name>-row`, `<name>-error`, `add-<name>`. */
  name: string;
  addLabel: string;
  onAdd: () => void;
  row: (row: T, index: number, problems: RowProblems) => ReactNode;
}) {
  const { field, rows, empty, name, addLabel, onAdd, row } = props;
  return (
    <Input.Wrapper label={field.hint.label} description={field.hint.help} error={field.invalid}>
      <Stack gap={8} mt={6}>
        {rows.length === 0 && (
          <Text size="xs" c="dimmed">
            {empty}
          </Text>
        )}
        {rows.map((item, i) => {
          const problems = rowProblems(field.rowIssues, i);
          return (
            <Stack key={i} gap={2} data-testid={`${name}-row`}>
              {row(item, i, problems)}
              <RowMessages issues={problems.issues} testId={`${name}-error`} />
            </Stack>
          );
        })}
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          data-testid={`add-${name}`}
          onClick={onAdd}
          style={{ alignSelf: 'flex-start' }}
        >
          {addLabel}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
