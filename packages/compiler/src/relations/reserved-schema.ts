import type { TableRef } from '@sluice/stages';
import { diagnostic } from '@sluice/flow';

/**
 * A table in the metadata schema is Sluice's own: writing it would overwrite runs and flows, and
 * reading it would show other flows' records. Names compare case-insensitively: DuckDB schemas
 * are, and MySQL-family database names are on some servers (`lower_case_table_names`), so
 * refusing every spelling is the safe reading.
 */
export function reservedSchema({ schema }: TableRef, metadataSchema: string) {
  if (schema?.toLowerCase() !== metadataSchema.toLowerCase()) return [];
  return [diagnostic('reserved-schema', { schema }, { path: ['schema'] })];
}
