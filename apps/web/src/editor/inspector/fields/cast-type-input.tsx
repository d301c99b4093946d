import { Group, NumberInput, Select } from '@mantine/core';
import { z } from 'zod';

import type { CastType } from '@sluice/stages';
import { CAST_TYPE_NAMES, castTypeOf } from '@sluice/stages';

/** A cast type as the form edits it: lenient, so a half-typed parameter stays on screen. */
export const CastTypeDraftSchema = z.object({
  name: z.enum(CAST_TYPE_NAMES).catch('text'),
  precision: z.number().optional().catch(undefined),
  scale: z.number().optional().catch(undefined),
  length: z.number().optional().catch(undefined),
});
export type CastTypeDraft = z.infer<typeof CastTypeDraftSchema>;

const LABELS: Record<CastType['name'], string> = {
  integer: 'integer',
  bigint: 'bigint',
  decimal: 'decimal(p, s)',
  double: 'double',
  varchar: 'varchar(n)',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  json: 'json',
};
const INFERRED = 'inferred';
const CHOICES = CAST_TYPE_NAMES.map((name) => ({ value: name, label: LABELS[name] }));

/**
 * A portable cast type: its name and, for decimal and varchar, its precision and scale or its
 * length. With `inferred`, an empty choice stands for the type the value already has.
 */
export function CastTypeInput(props: {
  value: CastTypeDraft | undefined;
  onChange: (type: CastTypeDraft | undefined) => void;
  label: string;
  invalid: boolean;
  inferred?: string;
}) {
  const { value, onChange, label, invalid, inferred } = props;
  const data = inferred ? [{ value: INFERRED, label: inferred }, ...CHOICES] : CHOICES;
  const number = (key: 'precision' | 'scale' | 'length', placeholder: string) =>
    value && (
      <NumberInput
        aria-label={`${label} ${key}`}
        data-testid={`cast-type-${key}`}
        placeholder={placeholder}
        value={value[key] ?? ''}
        error={invalid}
        allowDecimal={false}
        min={key === 'scale' ? 0 : 1}
        onChange={(next) =>
          onChange({ ...value, [key]: typeof next === 'number' ? next : undefined })
        }
        size="xs"
        style={{ width: 64 }}
      />
    );
  return (
    <Group gap={4} wrap="nowrap" style={{ flex: 2 }}>
      <Select
        data-testid="cast-type-name"
        aria-label={label}
        data={data}
        value={value?.name ?? INFERRED}
        error={invalid}
        allowDeselect={false}
        onChange={(name) => {
          const picked = CAST_TYPE_NAMES.find((n) => n === name);
          onChange(picked ? castTypeOf(picked) : undefined);
        }}
        size="xs"
        style={{ flex: 1, minWidth: 96 }}
      />
      {value?.name === 'decimal' && number('precision', 'p')}
      {value?.name === 'decimal' && number('scale', 's')}
      {value?.name === 'varchar' && number('length', 'n')}
    </Group>
  );
}
