import { Group } from '@mantine/core';
import { z } from 'zod';

import { castTypeOf } from '@sluice/stages';

import type { FieldProps } from './field-props';
import { CastTypeDraftSchema, CastTypeInput } from './cast-type-input';
import { pickableColumns } from './field-props';
import { ListField } from './list-field';
import { RowColumnInput } from './row-column-input';
import { RowControls } from './row-controls';

/** The casts as the form edits them: lenient, so a malformed row stays a row and keeps its number. */
const CastsDraftSchema = z
  .array(
    z
      .object({ column: z.string().catch(''), type: CastTypeDraftSchema.catch(castTypeOf('text')) })
      .catch({ column: '', type: castTypeOf('text') }),
  )
  .catch([]);

type CastRow = z.infer<typeof CastsDraftSchema>[number];

/** Casts: input columns picked from a list, each with the portable type it becomes. */
export function CastColumnsField(props: FieldProps) {
  const { hint, value, onChange, context } = props;
  const rows = CastsDraftSchema.parse(value);
  const available = pickableColumns(context, hint);
  const set = (i: number, patch: Partial<CastRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unused = available?.find((name) => !rows.some((r) => r.column === name));
  return (
    <ListField
      field={props}
      rows={rows}
      empty="No casts: every column passes through with its type."
      name="cast"
      addLabel="Add cast"
      onAdd={() => onChange([...rows, { column: unused ?? '', type: castTypeOf('integer') }])}
      row={(row, i, problems) => (
        <Group gap={4} wrap="nowrap">
          <RowColumnInput
            value={row.column}
            available={available}
            label={`Cast ${i + 1} column`}
            testId="cast-column"
            invalid={problems.invalid('column')}
            onChange={(column) => set(i, { column })}
          />
          <CastTypeInput
            value={row.type}
            label={`Cast ${i + 1} type`}
            invalid={problems.invalid('type')}
            onChange={(type) => set(i, { type: type ?? castTypeOf('text') })}
          />
          <RowControls
            items={rows}
            index={i}
            removeLabel={`Remove cast ${i + 1}`}
            onChange={onChange}
          />
        </Group>
      )}
    />
  );
}
