import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { emptyFlowDocument } from '@sluice/flow';

import type { TestServer } from '../test/harness';
import { cyclicFlow, paidOrdersFlow } from '../test/fixtures';
import { startTestServer } from '../test/harness';
import { createApp } from './app';

const TOKEN = 'a-long-enough-access-token';

let server: TestServer | undefined;
let http: Server | undefined;

async function listen(env: Record<string, string> = {}): Promise<string> {
  server = await startTestServer(env);
  const app = createApp(server.services);
  const started = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  http = started;
  return `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise((resolve) => http?.close(resolve) ?? resolve(undefined));
  await server?.close();
  http = undefined;
  server = undefined;
});

const input = (value: unknown): string => encodeURIComponent(JSON.stringify(value));

describe('HTTP app', () => {
  it('answers /healthz and a tRPC query', async () => {
    const base = await listen();
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    const response = await fetch(`${base}/trpc/system.info`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { target: { product: string } } } };
    expect(body.result.data.target.product).toBe('DuckDB');
  });

  it('puts zod issues and flow diagnostics into error data', async () => {
    const base = await listen();
    const post = (path: string, body: unknown) =>
      fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    interface ErrorBody {
      error: { data: { code: string; zodError: unknown; diagnostics: unknown } };
    }
    const invalid = await post('flow.create', { name: '   ' });
    expect(invalid.status).toBe(400);
    const invalidBody = (await invalid.json()) as ErrorBody;
    expect(invalidBody.error.data.zodError).toMatchObject({
      fieldErrors: { name: ['A flow needs a name'] },
    });

    const created = await post('flow.create', { name: 'Loop', document: cyclicFlow() });
    const flowId = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
    const refused = await post('run.start', { flowId });
    expect(refused.status).toBe(400);
    const refusedBody = (await refused.json()) as ErrorBody;
    expect(refusedBody.error.data.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'cycle', severity: 'error' }),
    );
  });

  it('answers unknown API paths with JSON 404s', async () => {
    const base = await listen();
    const response = await fetch(`${base}/trpc/flow.teleport`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/json/);
  });

  it('serves the web app with a fallback to index.html, or says how to build it', async () => {
    const base = await listen();
    const missing = await fetch(`${base}/flows/abc`);
    expect(missing.status).toBe(503);
    expect(await missing.text()).toMatch(/not built yet/);
    const dist = server?.config.webDist ?? '';
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<div id="root"></div>');
    await writeFile(join(dist, 'assets', 'app.js'), 'export {};');
    expect(await (await fetch(`${base}/flows/abc`)).text()).toBe('<div id="root"></div>');
    expect(await (await fetch(`${base}/assets/app.js`)).text()).toBe('export {};');
  });

  it('streams run snapshots over SSE until the run ends', async () => {
    const base = await listen();
    const created = await fetch(`${base}/trpc/flow.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Over HTTP', document: paidOrdersFlow() }),
    });
    const flowId = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
    const started = await fetch(`${base}/trpc/run.start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flowId }),
    });
    const { runId } = ((await started.json()) as { result: { data: { runId: string } } }).result
      .data;
    const stream = await fetch(`${base}/trpc/run.events?input=${input({ runId })}`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await stream.text();
    expect(text).toContain('"state":"succeeded"');
  });

  it('requires the access token on /trpc when one is configured', async () => {
    const base = await listen({ SLUICE_ACCESS_TOKEN: TOKEN });
    const refused = await fetch(`${base}/trpc/system.info`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    const wrong = await fetch(`${base}/trpc/system.info`, {
      headers: { authorization: 'Bearer wrong' },
    });
    expect(wrong.status).toBe(401);
    const bearer = await fetch(`${base}/trpc/system.info`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(bearer.status).toBe(200);
    const query = await fetch(`${base}/trpc/system.info?token=${TOKEN}`);
    expect(query.status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

/** A file source feeding a chain of filters into a table: `stageCount` stages. */
function chainFlow(stageCount: number): FlowDocument {
  const [source, , table] = paidOrdersFlow().stages;
  if (!source || !table) throw new Error('The paid orders flow has a source and a table.');
  const filters = Array.from({ length: stageCount - 2 }, (_, i) => ({
    id: `f${i}`,
    type: 'filter',
    typeVersion: 1,
    label: `Filter ${i}`,
    position: { x: i * 10, y: 0 },
    config: { condition: `amount > ${i}` },
  }));
  const stages = [source, ...filters, table];
  return {
    ...emptyFlowDocument(),
    stages,
    links: stages.slice(1).map((stage, i) => ({
      id: `l${i}`,
      source: { stageId: stages[i]?.id ?? '', port: 'out' },
      target: { stageId: stage.id, port: 'in' },
    })),
  };
}

describe('HTTP input limits', () => {
  const postJson = (base: string, path: string, body: unknown, headers = {}) =>
    fetch(`${base}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('refuses a stage config nested 5,000 levels deep with BAD_REQUEST, on create and save', async () => {
    const base = await listen();
    // Written out by hand: JSON.stringify itself may run out of stack at this depth.
    const config = `${'{"a":'.repeat(5000)}true${'}'.repeat(5000)}`;
    const document = JSON.stringify(paidOrdersFlow()).replace(
      /"config":\{[^}]*\}/,
      `"config":${config}`,
    );
    const send = (path: string, fields: string) =>
      fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{${fields},"document":${document}}`,
      });
    const created = await send('flow.create', '"name":"Deep"');
    expect(created.status).toBe(400);
    const body = (await created.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(
      /^The input at document\.stages\[0\]\.config\.a\.a\.a… is nested deeper than 32 levels;/,
    );
    const flow = await postJson(base, 'flow.create', { name: 'Shallow' });
    const { id } = ((await flow.json()) as { result: { data: { id: string } } }).result.data;
    const saved = await send('flow.save', `"id":"${id}","baseVersion":1`);
    expect(saved.status).toBe(400);
  });

  it('answers a body over the 5 MB limit with PAYLOAD_TOO_LARGE', async () => {
    const base = await listen();
    const response = await postJson(base, 'flow.create', {
      name: 'Huge',
      document: { ...emptyFlowDocument(), note: 'n'.repeat(6 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
  });

  it('previews 40- and 500-stage flows sent as POST; GET still answers queries', async () => {
    const base = await listen();
    const tooLong = await fetch(
      `${base}/trpc/compile.preview?input=${input({ document: chainFlow(40) })}`,
    );
    expect(tooLong.status).toBe(431);
    for (const stageCount of [40, 500]) {
      const response = await postJson(base, 'compile.preview', { document: chainFlow(stageCount) });
      expect(response.status).toBe(200);
      const { steps } = (
        (await response.json()) as {
          result: { data: { steps: { stageId?: string; inlined?: string[] }[] } };
        }
      ).result.data;
      const stage = `f${stageCount - 3}`;
      const runs = (step: (typeof steps)[number]) =>
        step.stageId === stage || (step.inlined ?? []).includes(stage);
      expect(steps.some(runs)).toBe(true);
    }
    const small = await fetch(
      `${base}/trpc/compile.preview?input=${input({ document: chainFlow(2) })}`,
    );
    expect(small.status).toBe(200);
  });

  it('refuses a query sent as POST from another site, as it refuses changes', async () => {
    const base = await listen();
    const preview = { document: chainFlow(3) };
    const foreign = await postJson(base, 'compile.preview', preview, {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect((await postJson(base, 'compile.preview', preview, { origin: base })).status).toBe(200);
  });
});

/** A request with headers fetch will not let a caller set (Host). */
function send(
  base: string,
  options: { method?: string; path: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${options.path}`, {
      method: options.method ?? 'GET',
      headers: options.headers,
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('HTTP host and origin checks', () => {
  it('refuses a foreign Host header on loopback, accepting the loopback names', async () => {
    const base = await listen();
    const port = new URL(base).port;
    const rebound = await send(base, {
      path: '/healthz',
      headers: { host: `evil.example:${port}` },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatch(/only answers requests addressed to this machine/);
    const otherPort = await send(base, { path: '/healthz', headers: { host: 'localhost:1' } });
    expect(otherPort.status).toBe(403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await send(base, { path: '/healthz', headers: { host } })).status).toBe(200);
    }
  });

  it('refuses a change whose Origin is another site, accepting same-origin and no Origin', async () => {
    const base = await listen();
    const host = new URL(base).host;
    const json = { host, 'content-type': 'application/json' };
    let created = 0;
    const post = (headers: Record<string, string>) => {
      created += 1;
      const body = JSON.stringify({ name: `Flow ${String(created)}` });
      return send(base, {
        method: 'POST',
        path: '/trpc/flow.create',
        headers: { ...json, ...headers },
        body,
      });
    };
    const foreign = await post({ origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toBe(
      'Sluice refuses changes sent from another site (https://evil.example).',
    );
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ origin: `http://localhost:${new URL(base).port}` })).status).toBe(403);
    expect((await post({ origin: base })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    const read = await send(base, {
      path: '/trpc/system.info',
      headers: { host, origin: 'https://evil.example' },
    });
    expect(read.status).toBe(200);
  });
});

const message = async (response: Response): Promise<string> =>
  ((await response.json()) as { error: { message: string } }).error.message;

describe('file download', () => {
  it('sends an exported file as an attachment named by its own name', async () => {
    const base = await listen();
    const dir = server?.config.exportsDir ?? '';
    await mkdir(join(dir, 'sub'), { recursive: true });
    await writeFile(join(dir, 'sub', 'paid "q" é.csv'), 'a,b\n1,2\n');
    const response = await fetch(
      `${base}/files/exports?path=${encodeURIComponent('sub/paid "q" é.csv')}`,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('a,b\n1,2\n');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(
      /^attachment; filename="paid \\"q\\" \?\.csv"; filename\*=UTF-8''paid%20%22q%22%20%C3%A9\.csv$/,
    );
    expect(disposition).not.toContain(dir);
  });

  it('refuses paths that leave the external stage and symbolic links', async () => {
    const base = await listen();
    const dir = server?.config.exportsDir ?? '';
    const outside = join(server?.dir ?? '', 'secret.txt');
    await writeFile(outside, 'secret');
    await symlink(outside, join(dir, 'link.csv'));

    const escape = await fetch(`${base}/files/exports?path=${encodeURIComponent('../secret.txt')}`);
    expect(escape.status).toBe(400);
    expect(await message(escape)).toMatch(/^path: /);
    const linked = await fetch(`${base}/files/exports?path=link.csv`);
    expect(linked.status).toBe(400);
    expect(await linked.text()).not.toBe('secret');
    const missing = await fetch(`${base}/files/exports?path=nope.csv`);
    expect(missing.status).toBe(400);
    expect(await message(missing)).toContain('stage://exports/nope.csv');
    const unknown = await fetch(`${base}/files/nowhere?path=a.csv`);
    expect(unknown.status).toBe(404);
  });

  it('needs the access token when one is set', async () => {
    const base = await listen({ SLUICE_ACCESS_TOKEN: TOKEN });
    await writeFile(join(server?.config.exportsDir ?? '', 'a.csv'), 'x\n');
    expect((await fetch(`${base}/files/exports?path=a.csv`)).status).toBe(401);
    const tokened = await fetch(`${base}/files/exports?path=a.csv&token=${TOKEN}`);
    expect(tokened.status).toBe(200);
  });
});
