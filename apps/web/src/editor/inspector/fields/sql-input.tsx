import { Textarea } from '@mantine/core';

/** What a SQL box needs: its text, a setter, and the column names it may complete. */
export interface SqlInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Input column names the person may refer to. */
  columns?: readonly string[];
  label?: string;
  description?: string;
  placeholder?: string;
  error?: boolean | string;
  /** Lines shown before it grows; 1 for an expression inside a row. */
  minRows?: number;
  'aria-label'?: string;
}

/**
 * A box for SQL a person writes (a condition, an expression, a SELECT): monospace, no spellcheck.
 * Every widget that takes SQL draws this one, so they all behave alike.
 */
export function SqlInput(props: SqlInputProps) {
  const { value, onChange, minRows = 3 } = props;
  return (
    <Textarea
      label={props.label}
      description={props.description}
      placeholder={props.placeholder}
      aria-label={props['aria-label']}
      value={value}
      error={props.error}
      autosize
      minRows={minRows}
      maxRows={12}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
