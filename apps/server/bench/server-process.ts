import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** A Sluice server in its own process, as `npm start` runs it, on a throwaway data folder. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** The server's resident memory now, in MB, from `/proc/<pid>/status`. */
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

/** Resolves with the address the server prints once it listens. */
function servedUrl(child: ChildProcessByStdio<null, Readable, Readable>): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Sluice is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        // Drained but unread, the server's further output (its start line) is not kept.
        child.stdout.resume();
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${String(code)}:\n${output}`));
    });
  });
}

/**
 * Starts the server on the embedded DuckDB default, a free port and a fresh data folder, with
 * `nodeOptions` added to its `node` command line (`--expose-gc`, say).
 */
export async function startServer(nodeOptions: readonly string[] = []): Promise<ServerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sluice-api-bench-'));
  const child = spawn(
    process.execPath,
    [...nodeOptions, '--import', 'tsx', 'apps/server/src/main.ts'],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        SLUICE_DATA_DIR: dataDir,
        SLUICE_PORT: '0',
        SLUICE_HOST: '127.0.0.1',
        SLUICE_SECRET_KEY: randomBytes(32).toString('base64'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await servedUrl(child);
  // Unexpected errors the server logs would otherwise be lost with the pipe.
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    async rssMb() {
      const status = await readFile(`/proc/${String(pid)}/status`, 'utf8');
      const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
