import { Group, TextInput } from '@mantine/core';
import { z } from 'zod';

import type { FieldProps } from './field-props';
import { CastTypeDraftSchema, CastTypeInput } from './cast-type-input';
import { pickableColumns } from './field-props';
import { ListField } from './list-field';
import { RowControls } from './row-controls';
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
  const { hint, value, onChange, context } = props;
  const rows = DerivedDraftSchema.parse(value);
  const columns = pickableColumns(context, hint);
  const set = (i: number, patch: Partial<DerivedRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setType = (i: number, type: DerivedRow['type']) =>
    onChange(rows.map((r, j) => (j !== i ? r : type ? { ...r, type } : withoutType(r))));
  return (
    <ListField
      field={props}
      rows={rows}
      empty="No derived columns: the input passes through."
      name="derived"
      addLabel="Add column"
      onAdd={() => onChange([...rows, { name: '', expression: '' }])}
      row={(row, i, problems) => (
        <>
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
            placeholder="expression, e.g. amount * 2"
            value={row.expression}
            error={problems.invalid('expression')}
            columns={columns}
            minRows={1}
            onChange={(expression) => set(i, { expression })}
          />
        </>
      )}
    />
  );
}

/** The row with no declared type, so the expression's own type is kept. */
function withoutType({ name, expression }: DerivedRow): DerivedRow {
  return { name, expression };
}
