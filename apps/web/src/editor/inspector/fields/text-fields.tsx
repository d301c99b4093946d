import { useMemo } from 'react';
import { Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

import type { FieldProps } from './field-props';
import { trpc } from '../../../lib/trpc';
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
  return <QueryInput field={{ hint, value, onChange, invalid }} columns={[...new Set(columns)]} />;
}

/** The large SQL box of a whole query, completing the names it is given. */
function QueryInput(props: {
  field: Pick<FieldProps, 'hint' | 'value' | 'onChange' | 'invalid'>;
  columns?: readonly string[];
  tables?: Readonly<Record<string, readonly string[]>>;
}) {
  const { hint, value, onChange, invalid } = props.field;
  return (
    <SqlInput
      label={hint.label}
      description={hint.help}
      placeholder={hint.placeholder}
      value={asText(value)}
      error={invalid}
      {...(props.columns ? { columns: props.columns } : {})}
      {...(props.tables ? { tables: props.tables } : {})}
      minRows={8}
      onChange={onChange}
    />
  );
}

/**
 * A whole query over the target's tables (a SQL query origin): a large box completing the
 * tables of the catalogue by name, `schema.table` for those outside the default schema.
 */
export function TargetQueryField({ hint, value, onChange, invalid }: FieldProps) {
  const listed = useQuery(trpc.catalog.tables.queryOptions());
  const tables = useMemo(
    () =>
      Object.fromEntries(
        (listed.data?.tables ?? []).map((t) => [t.schema ? `${t.schema}.${t.name}` : t.name, []]),
      ),
    [listed.data],
  );
  return <QueryInput field={{ hint, value, onChange, invalid }} tables={tables} />;
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
