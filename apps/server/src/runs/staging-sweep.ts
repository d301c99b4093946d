import { fileURLToPath } from 'node:url';

import type { Target } from '@sluice/engine';
import { analyzeFlow, destinationTables } from '@sluice/compiler';

import type { ExternalStagesRepo } from '../repos/external-stages.repo';
import type { FlowsRepo } from '../repos/flows.repo';
import { logger } from '../logger';

/**
 * Drops the staging of runs that are no longer running (this process has none yet; another
 * server's live runs hold claims the sweep respects), saying what it did: tables and views in
 * the target's database and in every database a flow's latest version writes a table to (a
 * run's shadow sits beside its destination), and temporary export files under the folders of
 * the `file://` external stages (sub-stages live inside them).
 */
export async function sweepStaging(
  target: Target,
  { flows, externalStages }: { flows: FlowsRepo; externalStages: ExternalStagesRepo },
): Promise<void> {
  const schemas = new Set<string>();
  for (const document of await flows.latestDocuments()) {
    for (const table of destinationTables(analyzeFlow(document))) {
      if (table.schema !== undefined) schemas.add(table.schema);
    }
  }
  const folders = (await externalStages.list()).flatMap((stage) =>
    stage.url.startsWith('file:') ? [fileURLToPath(stage.url)] : [],
  );
  const { dropped, kept } = await target.sweepStaging({ schemas: [...schemas], folders });
  for (const name of dropped) {
    logger.info(`Dropped ${name}, staging of a run that is no longer running.`);
  }
  for (const { name, reason } of kept) {
    logger.warn(`Kept ${name}, staging of a run that is no longer running: ${reason}.`);
  }
}
