import { Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { z } from 'zod';

import { AGGREGATE_FUNCTIONS, AGGREGATE_LABELS, defaultAggregateName } from '@sluice/stages';

import type { FieldProps } from './field-props';
import { choicesWith, pickableColumns, rowProblems } from './field-props';
import { RowControls } from './row-controls';
import { RowMessages } from './row-messages';

/** The rows as the form edits them: lenient, so a malformed row stays a row and keeps its number. */
const AggregatesDraftSchema = z
  .array(
    z
      .object({
        fn: z.enum(AGGREGATE_FUNCTIONS).catch('count'),
        column: z.string().catch(''),
        as: z.string().catch(''),
      })
      .catch({ fn: 'count', column: '', as: '' }),
  )
  .catch([]);

type Aggregate = z.infer<typeof AggregatesDraftSchema>[number];

const FUNCTIONS = AGGREGATE_FUNCTIONS.map((fn) => ({ value: fn, label: AGGREGATE_LABELS[fn] }));

/** The name the form proposes for a row: the default for its function and column, made unique. */
function proposedName(rows: readonly Aggregate[], index: number, row: Aggregate): string {
  const taken = new Set(rows.filter((_, j) => j !== index).map((r) => r.as.toLowerCase()));
  const base = defaultAggregateName(row.fn, row.column);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base}_${String(n)}`;
  return name;
}

/**
 * The rows after a change of function or column in row `index`: its output name follows them
 * while it is still the name the form proposed (or empty), so a typed name is never overwritten.
 */
function changed(rows: readonly Aggregate[], index: number, patch: Partial<Aggregate>) {
  return rows.map((row, j) => {
    if (j !== index) return row;
    const next = { ...row, ...patch };
    const proposed = row.as === '' || row.as === proposedName(rows, index, row);
    return proposed ? { ...next, as: proposedName(rows, index, next) } : next;
  });
}

/** Aggregates: a function, an input column picked from a list (none: count rows), a name. */
export function AggregatesField(props: FieldProps) {
  const { hint, value, onChange, invalid, rowIssues, context } = props;
  const rows = AggregatesDraftSchema.parse(value);
  const available = pickableColumns(context, hint);
  const set = (i: number, patch: Partial<Aggregate>) => onChange(changed(rows, i, patch));
  const added: Aggregate = { fn: 'count', column: '', as: '' };
  return (
    <Input.Wrapper label={hint.label} description={hint.help} error={invalid}>
      <Stack gap={10} mt={6}>
        {rows.map((row, i) => {
          const problems = rowProblems(rowIssues, i);
          const label = `Aggregate ${i + 1}`;
          const column = {
            'data-testid': 'aggregate-column',
            'aria-label': `${label} column`,
            placeholder: row.fn === 'count' ? 'All rows' : 'input column',
            error: problems.invalid('column'),
            size: 'xs',
            style: { flex: 2 },
          } as const;
          return (
            <Stack key={i} gap={4} data-testid="aggregate-row">
              <Group gap={4} wrap="nowrap">
                <Select
                  data-testid="aggregate-fn"
                  aria-label={`${label} function`}
                  data={FUNCTIONS}
                  value={row.fn}
                  allowDeselect={false}
                  onChange={(fn) => set(i, { fn: fn ?? 'count' })}
                  size="xs"
                  style={{ flex: 1 }}
                />
                {available ? (
                  <Select
                    {...column}
                    data={choicesWith(available, [row.column])}
                    value={row.column || null}
                    clearable={row.fn === 'count'}
                    searchable
                    onChange={(picked) => set(i, { column: picked ?? '' })}
                  />
                ) : (
                  <TextInput
                    {...column}
                    value={row.column}
                    onChange={(e) => set(i, { column: e.currentTarget.value })}
                  />
                )}
              </Group>
              <Group gap={4} wrap="nowrap">
                <TextInput
                  data-testid="aggregate-as"
                  aria-label={`${label} output name`}
                  placeholder="output name"
                  leftSection={
                    <Text size="xs" c="dimmed">
                      as
                    </Text>
                  }
                  value={row.as}
                  error={problems.invalid('as')}
                  onChange={(e) =>
                    onChange(
                      rows.map((r, j) => (j === i ? { ...r, as: e.currentTarget.value } : r)),
                    )
                  }
                  size="xs"
                  style={{ flex: 2 }}
                />
                <RowControls
                  items={rows}
                  index={i}
                  removeLabel={`Remove aggregate ${i + 1}`}
                  onChange={onChange}
                />
              </Group>
              <RowMessages issues={problems.issues} testId="aggregate-error" />
            </Stack>
          );
        })}
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          data-testid="add-aggregate"
          onClick={() =>
            onChange([...rows, { ...added, as: proposedName(rows, rows.length, added) }])
          }
          style={{ alignSelf: 'flex-start' }}
        >
          Add aggregate
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
