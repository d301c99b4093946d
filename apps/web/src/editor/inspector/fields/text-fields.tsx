import { Textarea, TextInput } from '@mantine/core';

import type { FieldProps } from './field-props';
import { asText, pickableColumns } from './field-props';
import { SqlInput } from './sql-input';

/** One-line text; also table names. */
export function TextField({ hint, value, onChange, invalid }: FieldProps) {
  return (
    <TextInput
      label={hint.label}
      description={hint.help}
      placeholder={hint.placeholder}
      value={asText(value)}
      error={invalid}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** Multi-line text. */
export function TextareaField({ hint, value, onChange, invalid }: FieldProps) {
  return (
    <Textarea
      label={hint.label}
      description={hint.help}
      placeholder={hint.placeholder}
      value={asText(value)}
      error={invalid}
      autosize
      minRows={2}
      maxRows={10}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** A SQL expression, written by the person and checked by the compiler. */
export function SqlExpressionField({ hint, value, onChange, invalid, context }: FieldProps) {
  return (
    <SqlInput
      label={hint.label}
      description={hint.help}
      placeholder={hint.placeholder ?? "amount > 100 AND status = 'paid'"}
      value={asText(value)}
      error={invalid}
      columns={pickableColumns(context, hint)}
      onChange={onChange}
    />
  );
}

/**
 * A whole query over the stage's inputs: a large box offering the columns of every linked input,
 * bare and qualified by the port the query names it by (`a.customer`).
 */
export function SqlQueryField({ hint, value, onChange, invalid, context }: FieldProps) {
  const columns = Object.entries(context.inputs).flatMap(([port, arriving]) =>
    (arriving ?? []).flatMap((c) => [c.name, `${port}.${c.name}`]),
  );
  return (
    <SqlInput
      label={hint.label}
      description={hint.help}
      placeholder={hint.placeholder}
      value={asText(value)}
      error={invalid}
      columns={[...new Set(columns)]}
      minRows={8}
      onChange={onChange}
    />
  );
}

const VISIBLE: Record<string, string> = { '\t': '\\t' };
const TYPED: Record<string, string> = { '\\t': '\t' };

/** One character (delimiter, quote…). A tab cannot be typed into a field, so it reads as `\t`. */
export function CharField({ hint, value, onChange, invalid }: FieldProps) {
  const text = asText(value);
  return (
    <TextInput
      label={hint.label}
      description={hint.help}
      value={VISIBLE[text] ?? text}
      error={invalid}
      w={160}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      onChange={(e) => {
        const typed = e.currentTarget.value;
        onChange(TYPED[typed] ?? typed);
      }}
    />
  );
}
