import type { StatementProfiles } from '../statement-profiles';

/** One operator of DuckDB's JSON profile, as far as Sluice reads it. */
interface ProfileNode {
  operator_type?: string;
  operator_cardinality?: number;
  extra_info?: Record<string, unknown>;
  children?: ProfileNode[];
}

const FILE_READERS = new Set(['READ_CSV', 'READ_JSON', 'READ_JSON_OBJECTS', 'READ_PARQUET']);

/**
 * The file scans of a profile with the rows each read. A scan that filtered its rows itself
 * (`Filters`, pushed into the reader) counts only those it kept, so it is left out.
 */
function fileScans(node: ProfileNode, found = new Map<string, number>()): Map<string, number> {
  const info = node.extra_info ?? {};
  const file = info['Filename(s)'];
  const reader = typeof info.Function === 'string' && FILE_READERS.has(info.Function);
  if (node.operator_type === 'TABLE_SCAN' && reader && typeof file === 'string') {
    if (info.Filters === undefined) found.set(file, node.operator_cardinality ?? 0);
  }
  for (const child of node.children ?? []) fileScans(child, found);
  return found;
}

/**
 * Runs a statement under `EXPLAIN (ANALYZE, FORMAT json)`, which executes it as it is and returns
 * its profile: the writing operator (an insert, a merge, `CREATE TABLE AS`, a copy to a file)
 * is the analysis's one child, and the rows it wrote are its input's.
 * @see https://duckdb.org/docs/stable/guides/meta/explain_analyze
 */
export const duckDbProfiles: StatementProfiles = {
  async run(client, sql) {
    const [row] = await client.query<{ explain_value: string }>(
      `EXPLAIN (ANALYZE, FORMAT json) ${sql}`,
    );
    const profile = JSON.parse(row?.explain_value ?? '{}') as ProfileNode;
    const analyse = profile.children?.[0];
    const write = analyse?.children?.[0];
    const input = write?.children?.[0];
    if (input?.operator_cardinality === undefined) {
      throw new Error(`DuckDB's profile of the statement has no rows written: ${sql}`);
    }
    return { rows: input.operator_cardinality, fileRows: fileScans(profile) };
  },
};
