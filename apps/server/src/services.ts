import type { SqlClient, Target } from '@sluice/engine';
import { DEFAULT_METADATA_SCHEMA } from '@sluice/compiler';
import { openTarget } from '@sluice/engine';

import type { ServerConfig } from './env';
import type { MetaTables } from './repos/meta-schema';
import packageJson from '../package.json' with { type: 'json' };
import { CredentialCipher } from './external-stages/credential-cipher';
import { ExternalStageService } from './external-stages/external-stage-service';
import { matrixOneStageDdl } from './external-stages/matrixone-stage-ddl';
import { VersionHistory } from './flows/flow-versions';
import { StagePreviews } from './previews/stage-previews';
import { ExternalStagesRepo } from './repos/external-stages.repo';
import { FlowsRepo } from './repos/flows.repo';
import { duckDbMetaTables, mySqlMetaTables } from './repos/meta-schema';
import { migrate } from './repos/migrate';
import { RunsRepo } from './repos/runs.repo';
import { RunManager } from './runs/run-manager';
import { sweepStaging } from './runs/staging-sweep';
import { seedExternalStages } from './seed';

/** The database a flow runs on, as `system.info` reports it. */
export interface TargetDescription {
  product: Target['profile']['product'];
  version: string;
  dialect: Target['profile']['dialect'];
  /** The DuckDB file, or `host:port/database`; never a password. */
  location: string;
  /** Where Sluice's own tables are on it, which no flow may name (see `metadataSchemaOf`). */
  metadataSchema: string;
}

/** Everything a request needs, built once per process and shared through the tRPC context. */
export interface Services {
  config: ServerConfig;
  target: Target;
  flows: FlowsRepo;
  /** Each flow's saved versions with what each changed, remembered between calls. */
  versionHistory: VersionHistory;
  runs: RunsRepo;
  externalStages: ExternalStageService;
  runManager: RunManager;
  /** Data previews of a stage on a sample of each source. */
  previews: StagePreviews;
  /** The schema or database of the metadata tables, which compiles refuse flows to name. */
  metadataSchema: string;
  sluiceVersion: string;
  /** Cancels active runs and closes the database. */
  close(): Promise<void>;
}

/** Where the metadata tables are: the DuckDB file's `sluice` schema or a database of their own. */
function metaTablesOf(target: Target, config: ServerConfig): Promise<MetaTables> | MetaTables {
  return target.profile.dialect === 'duckdb'
    ? duckDbMetaTables(target.meta)
    : mySqlMetaTables(config.metadataDatabase);
}

/**
 * The client runs keep their records through. On the embedded DuckDB every call on a connection
 * waits for the ones before it, so a run's few writes get a connection of their own instead of
 * queueing behind every save and load of every editor; a MySQL-family target's is a pool already.
 */
function runsClientOf(target: Target): Promise<SqlClient> | SqlClient {
  return target.profile.dialect === 'duckdb' ? target.connect() : target.meta;
}

/**
 * The schema flows may not name because the metadata tables live there: `sluice` in a DuckDB
 * file (see `duckDbMetaTables`), the metadata database on a MySQL-family server.
 */
function metadataSchemaOf(target: Target, config: ServerConfig): string {
  return target.profile.dialect === 'duckdb' ? DEFAULT_METADATA_SCHEMA : config.metadataDatabase;
}

/** What `system.info` says about the target. */
export function describeTarget(
  services: Pick<Services, 'target' | 'metadataSchema'>,
): TargetDescription {
  const { product, version, dialect } = services.target.profile;
  const { location } = services.target;
  return { product, version, dialect, location, metadataSchema: services.metadataSchema };
}

/**
 * Opens the target, brings the metadata tables up to date, marks runs a previous process left
 * unfinished as interrupted, drops their staging, and seeds the first external stages of a new database. Fails with
 * the engine's `TargetConnectError` when the database cannot be used. With `recover: false`
 * (the CLI working on a target directly) unfinished runs and their staging are left alone: a
 * server may be running them on the same metadata.
 */
export async function createServices(
  config: ServerConfig,
  { recover = true }: { recover?: boolean } = {},
): Promise<Services> {
  // Flow SQL runs on DuckDB in-process: it may touch only the file roots and the data folder.
  const target = await openTarget(config.database, {
    allowedDirectories: [...config.fileRoots, config.dataDir],
    metaDatabase: config.metadataDatabase,
  });
  try {
    const tables = await metaTablesOf(target, config);
    const applied = await migrate(target.meta, tables);
    const flows = new FlowsRepo(target.meta, tables);
    const runs = new RunsRepo(await runsClientOf(target), tables);
    const repo = new ExternalStagesRepo(target.meta, tables);
    const onMatrixOne = target.profile.dialect === 'matrixone';
    const externalStages = new ExternalStageService({
      repo,
      cipher: new CredentialCipher(config.secretKey),
      target,
      fileRoots: config.fileRoots,
      ...(onMatrixOne ? { ddl: matrixOneStageDdl } : {}),
    });
    if (recover) {
      await runs.interruptUnfinished();
      await sweepStaging(target, { flows, externalStages: repo });
    }
    // The seeded folders are on this machine, which a MatrixOne server cannot read.
    if (applied.includes(1) && !onMatrixOne) await seedExternalStages(config, repo);
    const metadataSchema = metadataSchemaOf(target, config);
    const runManager = new RunManager({
      target,
      flows,
      runs,
      externalStages: repo,
      fileRoots: config.fileRoots,
      defaultSchema: config.database.kind === 'duckdb' ? 'main' : config.database.database,
      metadataSchema,
    });
    return {
      config,
      target,
      flows,
      versionHistory: new VersionHistory(flows),
      runs,
      externalStages,
      runManager,
      previews: new StagePreviews({
        target,
        externalStages: repo,
        fileRoots: config.fileRoots,
        metadataSchema,
      }),
      metadataSchema,
      sluiceVersion: packageJson.version,
      async close() {
        await runManager.shutdown();
        await target.close();
      },
    };
  } catch (error) {
    await target.close();
    throw error;
  }
}
