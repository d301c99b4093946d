import { Button, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { z } from 'zod';

import type { FieldProps } from './field-props';
import { CastTypeDraftSchema, CastTypeInput } from './cast-type-input';
import { pickableColumns, rowProblems } from './field-props';
import { RowControls } from './row-controls';
import { RowMessages } from './row-messages';
import { SqlInput } from './sql-input';

/** The derived columns as the form edits them: lenient, so a malformed row keeps its number. */
const DerivedDraftSchema = z
  .array(
    z
      .object({
        name: z.string().catch(''),
        expression: z.string().catch(''),
        type: CastTypeDraftSchema.optional().catch(undefined),
      })
      .catch({ name: '', expression: '' }),
  )
  .catch([]);

type DerivedRow = z.infer<typeof DerivedDraftSchema>[number];

/** Derived columns: `name = expression` over the input columns, each with an optional type. */
export function DerivedColumnsField(props: FieldProps) {
  const { hint, value, onChange, invalid, rowIssues, context } = props;
  const rows = DerivedDraftSchema.parse(value);
  const columns = pickableColumns(context, hint);
  const set = (i: number, patch: Partial<DerivedRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setType = (i: number, type: DerivedRow['type']) =>
    onChange(rows.map((r, j) => (j !== i ? r : type ? { ...r, type } : withoutType(r))));
  return (
    <Input.Wrapper label={hint.label} description={hint.help} error={invalid}>
      <Stack gap={8} mt={6}>
        {rows.length === 0 && (
          <Text size="xs" c="dimmed">
            No derived columns: the input passes through.
          </Text>
        )}
        {rows.map((row, i) => {
          const problems = rowProblems(rowIssues, i);
          return (
            <Stack key={i} gap={2} data-testid="derived-row">
              <Group gap={4} wrap="nowrap">
                <TextInput
                  data-testid="derived-name"
                  aria-label={`Derived column ${i + 1} name`}
                  placeholder="name"
                  value={row.name}
                  error={problems.invalid('name')}
                  onChange={(e) => set(i, { name: e.currentTarget.value })}
                  size="xs"
                  style={{ flex: 2 }}
                />
                <Text size="xs">=</Text>
                <CastTypeInput
                  value={row.type}
                  label={`Derived column ${i + 1} type`}
                  invalid={problems.invalid('type')}
                  inferred="type inferred"
                  onChange={(type) => setType(i, type)}
                />
                <RowControls
                  items={rows}
                  index={i}
                  removeLabel={`Remove derived column ${i + 1}`}
                  onChange={onChange}
                />
              </Group>
              <SqlInput
                aria-label={`Derived column ${i + 1} expression`}
                placeholder="amount * 2"
                value={row.expression}
                error={problems.invalid('expression')}
                columns={columns}
                minRows={1}
                onChange={(expression) => set(i, { expression })}
              />
              <RowMessages issues={problems.issues} testId="derived-error" />
            </Stack>
          );
        })}
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          data-testid="add-derived"
          onClick={() => onChange([...rows, { name: '', expression: '' }])}
          style={{ alignSelf: 'flex-start' }}
        >
          Add column
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}

/** The row with no declared type, so the expression's own type is kept. */
function withoutType({ name, expression }: DerivedRow): DerivedRow {
  return { name, expression };
}
