/**
 * What error responses tell a client: stacks and the text of unexpected errors only from a
 * development server, over HTTP, with the server started the way `npm start` and `npm run dev`
 * start it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { TestServer } from './harness';
import { createApp } from '../src/app';
import { startTestServer } from './harness';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface ErrorBody {
  error: { message: string; data: { code: string; stack?: string } };
}

/** A request the API refuses (an empty flow name), and the raw text of its answer. */
async function refusedCreate(base: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}/trpc/flow.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: '   ' }),
  });
  return { status: response.status, text: await response.text() };
}

describe('error responses of an app on test services', () => {
  let server: TestServer | undefined;
  let http: Server | undefined;

  async function listen(env: Record<string, string>): Promise<string> {
    server = await startTestServer(env);
    const app = createApp(server.services);
    http = await new Promise<Server>((resolve) => {
      const started = app.listen(0, '127.0.0.1', () => resolve(started));
    });
    return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    vi.restoreAllMocks();
    await new Promise((resolve) => http?.close(resolve) ?? resolve(undefined));
    await server?.close();
    server = undefined;
    http = undefined;
  });

  it('answers an unexpected error with a generic message and no stack, logging it in full', async () => {
    const base = await listen({});
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The database gone under the server: an error no request caused.
    await server?.services.target.close();
    const response = await fetch(`${base}/trpc/flow.list`);
    expect(response.status).toBe(500);
    const text = await response.text();
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.message).toBe(
      'Something went wrong on the server; the error is in the server log.',
    );
    expect(body.error.data.stack).toBeUndefined();
    expect(text).not.toContain(REPO_ROOT);
    expect(logged).toHaveBeenCalledWith('tRPC flow.list:', expect.any(Error));
  });

  it('answers a failing /healthz in JSON without a stack', async () => {
    const base = await listen({});
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await server?.services.target.close();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Something went wrong on the server; the error is in the server log.',
      },
    });
  });

  it('sends stacks and the real message only when configured for development', async () => {
    const base = await listen({ NODE_ENV: 'development' });
    const refused = await refusedCreate(base);
    expect((JSON.parse(refused.text) as ErrorBody).error.data.stack).toContain(SERVER_DIR);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await server?.services.target.close();
    const failed = (await (await fetch(`${base}/trpc/flow.list`)).json()) as ErrorBody;
    expect(failed.error.message).not.toMatch(/^Something went wrong/);
    expect(failed.error.data.stack).toBeDefined();
  });
});

/**
 * Runs an npm script of the server package on a fresh data folder; `base` resolves once it
 * listens. The child comes back at once so that a server slow to start is still stopped.
 */
function startScript(
  script: 'start' | 'dev',
  dataDir: string,
): { child: ChildProcess; base: Promise<string> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SLUICE_DATA_DIR: dataDir,
    SLUICE_PORT: '0',
    SLUICE_WEB_DIST: join(dataDir, 'web-dist'),
  };
  // As from a shell: vitest sets NODE_ENV=test for itself.
  delete env.NODE_ENV;
  delete env.SLUICE_DATABASE_URL;
  const child = spawn('npm', ['run', script], { cwd: SERVER_DIR, env, detached: true });
  let output = '';
  const base = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const address = /Sluice is running at (http:\/\/\S+)/.exec(output)?.[1];
      if (address) resolve(address);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`npm run ${script} exited (${code}): ${output}`)));
  });
  return { child, base };
}

// Each test starts a server process (tsx compiles it first), which takes seconds.
describe('error responses of the server as npm scripts run it', { timeout: 30_000 }, () => {
  let dataDir: string | undefined;
  let child: ChildProcess | undefined;

  afterEach(async () => {
    if (child?.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.on('exit', resolve));
      // The whole group: npm, its shell and the server it started.
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    child = undefined;
  });

  it('sends no stack and no server path under npm start', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sluice-start-'));
    const started = startScript('start', dataDir);
    child = started.child;
    const refused = await refusedCreate(await started.base);
    expect(refused.status).toBe(400);
    expect(refused.text).not.toContain('"stack"');
    expect(refused.text).not.toContain(REPO_ROOT);
    expect(refused.text).not.toContain(dataDir);
  });

  it('sends the stack under npm run dev', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sluice-dev-'));
    const started = startScript('dev', dataDir);
    child = started.child;
    const refused = await refusedCreate(await started.base);
    expect(refused.status).toBe(400);
    expect((JSON.parse(refused.text) as ErrorBody).error.data.stack).toContain(SERVER_DIR);
  });
});
