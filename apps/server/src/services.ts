import type { DuckDbClient } from '@sluice/engine';
import { describeDuckDbTarget, DuckDbDatabase } from '@sluice/engine';

import type { ServerConfig } from './env';
import packageJson from '../package.json' with { type: 'json' };
import { ExternalStagesRepo } from './repos/external-stages.repo';
import { FlowsRepo } from './repos/flows.repo';
import { metaSchemaOf, metaTables } from './repos/meta-schema';
import { migrate } from './repos/migrate';
import { RunsRepo } from './repos/runs.repo';
import { RunManager } from './runs/run-manager';
import { seedExternalStages } from './seed';

/** The database a flow runs on, as `system.info` reports it. */
export interface TargetDescription {
  product: 'DuckDB';
  version: string;
  dialect: 'duckdb';
  location: string;
}

/** Everything a request needs, built once per process and shared through the tRPC context. */
export interface Services {
  config: ServerConfig;
  database: DuckDbDatabase;
  /** The metadata connection; each run opens its own. */
  meta: DuckDbClient;
  flows: FlowsRepo;
  runs: RunsRepo;
  externalStages: ExternalStagesRepo;
  runManager: RunManager;
  target: TargetDescription;
  sluiceVersion: string;
  /** Cancels active runs and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database, brings the `sluice` schema up to date, marks runs a previous process left
 * unfinished as interrupted, and seeds the first external stages of a new database.
 */
export async function createServices(config: ServerConfig): Promise<Services> {
  // Flow SQL runs in this database too: it may touch only the file roots and the data folder.
  const database = await DuckDbDatabase.open(config.databasePath, {
    allowedDirectories: [...config.fileRoots, config.dataDir],
  });
  try {
    const meta = await database.connect();
    const tables = metaTables(await metaSchemaOf(meta));
    const applied = await migrate(meta, tables);
    const flows = new FlowsRepo(meta, tables);
    const runs = new RunsRepo(meta, tables);
    const externalStages = new ExternalStagesRepo(meta, tables);
    await runs.interruptUnfinished();
    if (applied.includes(1)) await seedExternalStages(config, externalStages);
    const runManager = new RunManager({
      database,
      flows,
      runs,
      externalStages,
      fileRoots: config.fileRoots,
    });
    const target = { ...(await describeDuckDbTarget(database)), location: config.databasePath };
    return {
      config,
      database,
      meta,
      flows,
      runs,
      externalStages,
      runManager,
      target,
      sluiceVersion: packageJson.version,
      async close() {
        await runManager.shutdown();
        database.close();
      },
    };
  } catch (error) {
    database.close();
    throw error;
  }
}
