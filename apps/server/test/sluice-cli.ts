/**
 * The `sluice` command as a person types it: the real bin in a child process, on a data folder
 * of its own, for the CLI tests.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/sluice.js', import.meta.url));

/** The repository root, where `npx sluice` runs and the README's examples start. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The sample flow file the README's CLI examples run. */
export const SAMPLE_FLOW = join(REPO_ROOT, 'samples/flows/paid-orders.sluice.json');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without what the test runner's own npm or a developer's shell set. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('SLUICE_') && name !== 'INIT_CWD',
    ),
  );
  return { ...inherited, ...env };
}

/** A data folder, and `sluice` commands run with it as `SLUICE_DATA_DIR` plus `env`. */
export async function cliWorkspace(env: Record<string, string> = {}): Promise<{
  dir: string;
  sluice(...args: string[]): Promise<CliResult>;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-cli-'));
  const fullEnv = cleanEnv({ SLUICE_DATA_DIR: join(dir, 'data'), ...env });
  return {
    dir,
    sluice: (...args) =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [BIN, ...args],
          { cwd: REPO_ROOT, env: fullEnv },
          (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
            resolve({ code, stdout, stderr });
          },
        );
      }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** `sluice serve` on a free port with `env`; resolves with its address once it listens. */
export async function serveSluice(
  env: Record<string, string>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: REPO_ROOT,
    env: cleanEnv({ SLUICE_PORT: '0', SLUICE_HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Sluice is running at (http:\/\/[^/\s]+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`sluice serve exited with code ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
