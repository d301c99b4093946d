import type { RouterOutputs } from '@sluice/server';

type Succeeded = Extract<RouterOutputs['data']['preview'], { state: 'succeeded' }>;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Says the rows come from a sample, how big it is, how many rows each source gave and how many
 * rows are shown.
 * @example sampleNote({ rows: [[1]], sampleRows: 10000, sources: [{ stageId: 'src', rows: 40 }] }, (id) => id)
 * // 'Sample of the first 10,000 rows of each source (src: 40 read). Showing 1 row.'
 */
export function sampleNote(
  preview: Pick<Succeeded, 'rows' | 'sampleRows' | 'sources'>,
  labelOf: (stageId: string) => string,
): string {
  const read = preview.sources.map((s) => `${labelOf(s.stageId)}: ${count(s.rows)} read`);
  const shown = `${count(preview.rows.length)} row${preview.rows.length === 1 ? '' : 's'}`;
  const sources = read.length > 0 ? ` (${read.join(', ')})` : '';
  return `Sample of the first ${count(preview.sampleRows)} rows of each source${sources}. Showing ${shown}.`;
}
