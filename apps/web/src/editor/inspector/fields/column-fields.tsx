import { MultiSelect, Select, TagsInput, TextInput } from '@mantine/core';

import type { FieldProps } from './field-props';
import { asText, choicesWith, pickableColumns } from './field-props';
import { RowMessages } from './row-messages';

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

/**
 * Several input columns in order, picked from the port's columns; typed while they are not known.
 * A problem with one listed column (unknown, listed twice) marks the box and shows under it.
 */
export function ColumnListField(props: FieldProps) {
  const { hint, value, onChange, invalid, rowIssues, context } = props;
  const current = Array.isArray(value) ? value.map(asText) : [];
  const available = pickableColumns(context, hint);
  const common = {
    label: hint.label,
    description: hint.help,
    value: current,
    error: invalid || rowIssues.some((d) => d.severity === 'error'),
    clearable: true,
    onChange: (columns: string[]) => onChange(columns),
  };
  return (
    <>
      {available ? (
        <MultiSelect
          {...common}
          placeholder={hint.placeholder ?? 'Pick columns'}
          data={choicesWith(available, current)}
          searchable
        />
      ) : (
        <TagsInput {...common} placeholder={hint.placeholder ?? 'Type a column, then Enter'} />
      )}
      <RowMessages issues={rowIssues} testId="column-list-error" />
    </>
  );
}
