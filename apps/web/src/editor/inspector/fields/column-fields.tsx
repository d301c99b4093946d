import { MultiSelect, Select, TagsInput, TextInput } from '@mantine/core';

import type { FieldProps } from './field-props';
import { asText, choicesWith, pickableColumns } from './field-props';

/** One input column, picked from the port's columns; typed while they are not known. */
export function ColumnField({ hint, value, onChange, invalid, context }: FieldProps) {
  const current = asText(value);
  const available = pickableColumns(context, hint);
  if (!available) {
    return (
      <TextInput
        label={hint.label}
        description={hint.help}
        placeholder={hint.placeholder ?? 'input column'}
        value={current}
        error={invalid}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <Select
      label={hint.label}
      description={hint.help}
      placeholder={hint.placeholder ?? 'Pick a column'}
      data={choicesWith(available, [current])}
      value={current || null}
      error={invalid}
      searchable
      clearable
      onChange={(column) => onChange(column ?? '')}
    />
  );
}

/** Several input columns in order, picked from the port's columns; typed while they are not known. */
export function ColumnListField({ hint, value, onChange, invalid, context }: FieldProps) {
  const current = Array.isArray(value) ? value.map(asText) : [];
  const available = pickableColumns(context, hint);
  const common = {
    label: hint.label,
    description: hint.help,
    value: current,
    error: invalid,
    clearable: true,
    onChange: (columns: string[]) => onChange(columns),
  };
  if (!available) {
    return <TagsInput {...common} placeholder={hint.placeholder ?? 'Type a column, then Enter'} />;
  }
  return (
    <MultiSelect
      {...common}
      placeholder={hint.placeholder ?? 'Pick columns'}
      data={choicesWith(available, current)}
      searchable
    />
  );
}
