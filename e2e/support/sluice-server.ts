import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const webDist = path.join(repoRoot, 'apps/web/dist/index.html');

/** A real Sluice server on a fresh data directory, as `npm start` runs it. */
export interface SluiceServer {
  url: string;
  dataDir: string;
  databaseFile: string;
  /** The folder behind the `exports` external stage a first start creates. */
  exportsDir: string;
  /** The key its external-stage credentials are sealed with, which a restart must reuse. */
  secretKey: string;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL), as a crash or `kill -9` would: nothing is tidied. */
  kill(): Promise<void>;
}

/** What a journey may change about the server it starts; the defaults are `npm start`'s. */
export interface SluiceOptions {
  /** `SLUICE_DATABASE_URL`; the DuckDB file in the data directory when absent. */
  databaseUrl?: string;
  /** Further environment, e.g. the metadata database a MariaDB journey names. */
  env?: Record<string, string>;
  /** A stopped or killed server to start again: its data directory and key are reused. */
  after?: SluiceServer;
}

/** Encrypts external-stage credentials; any 32+ characters do, and each server gets its own. */
const newSecretKey = () => randomBytes(32).toString('base64');

/** Starts the server on a free port and resolves once it prints the URL it serves. */
export async function startSluice(options: SluiceOptions = {}): Promise<SluiceServer> {
  if (!existsSync(webDist)) {
    throw new Error(
      `The web app is not built (${webDist} is missing). Run the e2e task through turbo.`,
    );
  }
  const dataDir = options.after?.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'sluice-e2e-')));
  const key = options.after?.secretKey ?? newSecretKey();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      SLUICE_DATA_DIR: dataDir,
      SLUICE_PORT: '0',
      SLUICE_HOST: '127.0.0.1',
      SLUICE_SECRET_KEY: key,
      ...(options.databaseUrl === undefined ? {} : { SLUICE_DATABASE_URL: options.databaseUrl }),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Sluice did not start in 30 s:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Sluice is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Sluice exited with code ${code} before serving:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped = false;
  return {
    url,
    dataDir,
    databaseFile: path.join(dataDir, 'sluice.duckdb'),
    exportsDir: path.join(dataDir, 'files', 'exports'),
    secretKey: key,
    async stop() {
      if (stopped) return;
      stopped = true;
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (stopped) return;
      stopped = true;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Removes a server's data directory once the test is done with it. */
export async function removeDataDir(server: SluiceServer): Promise<void> {
  await rm(server.dataDir, { recursive: true, force: true });
}
