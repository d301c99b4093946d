import { Autocomplete } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

import type { FieldProps } from './field-props';
import { trpc } from '../../../lib/trpc';
import { asText } from './field-props';

/** How a table of another schema reads in the list: `schema.table`. */
const SEPARATOR = '.';

/**
 * A table of the target, picked from its catalogue or typed. Picking a table of another schema
 * sets the schema field too, in the same undo step; typing sets the table name only.
 */
export function TablePickerField({ hint, value, onChange, invalid, context }: FieldProps) {
  const tables = useQuery(trpc.catalog.tables.queryOptions());
  const choices = (tables.data?.tables ?? []).map((t) =>
    t.schema ? `${t.schema}${SEPARATOR}${t.name}` : t.name,
  );
  return (
    <Autocomplete
      label={hint.label}
      description={
        tables.isError ? `${hint.help ?? ''} The target's tables could not be listed.` : hint.help
      }
      placeholder={hint.placeholder ?? 'Pick or type a table'}
      data={[...new Set(choices)]}
      value={asText(value)}
      error={invalid}
      limit={100}
      onChange={onChange}
      onOptionSubmit={(choice) => {
        const table = (tables.data?.tables ?? []).find(
          (t) => (t.schema ? `${t.schema}${SEPARATOR}${t.name}` : t.name) === choice,
        );
        if (table) context.setConfig({ table: table.name, schema: table.schema ?? '' });
      }}
    />
  );
}
