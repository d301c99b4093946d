import type { FlowAnalysis } from '@sluice/compiler';
import type { Target } from '@sluice/engine';
import type { Column } from '@sluice/stages';
import { sourceTables } from '@sluice/compiler';

import { stageRefusal } from './stage-refusal';

/**
 * Reads the columns of every table a flow's sources read from the target's catalogue, as the
 * run will find them, so the compiled plan and every check downstream see the table as it is
 * now. A table that does not exist refuses the run on its stage's table field.
 */
export async function sourceTableColumns(
  analysis: FlowAnalysis,
  target: Pick<Target, 'tableColumns'>,
  /** Only the tables these stages read (a data preview). */
  readsOf?: ReadonlySet<string>,
): Promise<Record<string, Column[]>> {
  const found: Record<string, Column[]> = {};
  for (const { stageId, table } of sourceTables(analysis)) {
    if (readsOf && !readsOf.has(stageId)) continue;
    const columns = await target.tableColumns(table);
    if (columns === undefined) {
      const name = table.schema ? `${table.schema}.${table.name}` : table.name;
      const message = `table "${name}" does not exist on the target; pick one of its tables.`;
      throw stageRefusal(analysis.document, { stageId, field: 'table', message });
    }
    found[stageId] = columns;
  }
  return found;
}
