import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import type { TestServer } from '../../test/harness';
import { startTestServer } from '../../test/harness';
import { createApp } from '../app';

let server: TestServer | undefined;
let http: Server | undefined;

async function listen(env: Record<string, string> = {}): Promise<string> {
  server = await startTestServer(env);
  const app = createApp(server.services);
  http = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return `http://127.0.0.1:${String((http.address() as AddressInfo).port)}`;
}

afterEach(async () => {
  await new Promise((resolve) => http?.close(resolve) ?? resolve(undefined));
  await server?.close();
  http = undefined;
  server = undefined;
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
    const base = await listen({ SLUICE_ACCESS_TOKEN: 'a-long-enough-access-token' });
    await writeFile(join(server?.config.exportsDir ?? '', 'a.csv'), 'x\n');
    expect((await fetch(`${base}/files/exports?path=a.csv`)).status).toBe(401);
    const tokened = await fetch(
      `${base}/files/exports?path=a.csv&token=a-long-enough-access-token`,
    );
    expect(tokened.status).toBe(200);
  });
});
