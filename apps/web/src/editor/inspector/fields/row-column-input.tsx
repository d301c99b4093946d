import { Select, TextInput } from '@mantine/core';

import { choicesWith } from './field-props';

/**
 * The input column of one row of a list field: picked from the input's columns, or typed while
 * they are not known.
 */
export function RowColumnInput(props: {
  value: string;
  available: readonly string[] | undefined;
  label: string;
  testId: string;
  invalid: boolean;
  onChange: (column: string) => void;
}) {
  const { value, available, label, testId, invalid, onChange } = props;
  const common = { 'data-testid': testId, 'aria-label': label, error: invalid, size: 'xs' };
  if (!available) {
    return (
      <TextInput
        {...common}
        placeholder="input column"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        style={{ flex: 2 }}
      />
    );
  }
  return (
    <Select
      {...common}
      data={choicesWith(available, [value])}
      value={value || null}
      allowDeselect={false}
      onChange={(column) => onChange(column ?? '')}
      searchable
      style={{ flex: 2 }}
    />
  );
}
