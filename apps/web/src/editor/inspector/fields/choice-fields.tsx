import { NumberInput, Select, Switch } from '@mantine/core';

import type { FieldProps } from './field-props';
import { asText } from './field-props';

/** A number; an emptied box stays empty (and invalid) rather than turning into 0. */
export function NumberField({ hint, value, onChange, invalid }: FieldProps) {
  return (
    <NumberInput
      label={hint.label}
      description={hint.help}
      placeholder={hint.placeholder}
      value={typeof value === 'number' ? value : ''}
      error={invalid}
      allowDecimal={false}
      onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
    />
  );
}

/** On or off. */
export function SwitchField({ hint, value, onChange }: FieldProps) {
  return (
    <Switch
      label={hint.label}
      description={hint.help}
      checked={value === true}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  );
}

/** One of the options the stage type lists. */
export function SelectField({ hint, value, onChange, invalid }: FieldProps) {
  return (
    <Select
      label={hint.label}
      description={hint.help}
      data={hint.options?.map((o) => ({ value: o.value, label: o.label })) ?? []}
      value={asText(value) || null}
      error={invalid}
      allowDeselect={false}
      onChange={(next) => onChange(next ?? undefined)}
    />
  );
}
