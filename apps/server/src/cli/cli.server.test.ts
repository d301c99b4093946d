/**
 * `sluice` against a running server: `sluice serve` on a free port with an access token, and
 * commands that reach it over HTTP, run events included.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readFlowFile } from '@sluice/flow';

import { cliWorkspace, SAMPLE_FLOW, serveSluice } from '../../test/sluice-cli';

const TOKEN = 'cli-test-token';
let workspace: Awaited<ReturnType<typeof cliWorkspace>>;
let server: Awaited<ReturnType<typeof serveSluice>>;

beforeAll(async () => {
  workspace = await cliWorkspace();
  server = await serveSluice({
    SLUICE_DATA_DIR: join(workspace.dir, 'server'),
    SLUICE_ACCESS_TOKEN: TOKEN,
    SLUICE_WEB_DIST: join(workspace.dir, 'no-web-app'),
  });
}, 60_000);
afterAll(async () => {
  await server.stop();
  await workspace.remove();
});

describe('sluice --server', () => {
  it('runs the sample flow file on the server, following its run events', async () => {
    const result = await workspace.sluice(
      'run',
      SAMPLE_FLOW,
      '--server',
      server.url,
      '--token',
      TOKEN,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`of "Paid orders" on ${server.url}`);
    expect(result.stdout).toMatch(
      / {2}Paid orders table \(table-destination\): succeeded, \d+ rows/,
    );
    expect(result.stdout).toMatch(/\nRun \S+ succeeded in [\d.]+ s\n$/);
  }, 60_000);

  it('exits 5 without the access token, and takes it from SLUICE_TOKEN', async () => {
    const refused = await workspace.sluice('list', '--server', server.url);
    expect(refused).toMatchObject({
      code: 5,
      stderr: 'The server needs its access token: pass --token or set SLUICE_TOKEN.\n',
    });
    const withEnv = await cliWorkspace({ SLUICE_TOKEN: TOKEN });
    try {
      const listed = await withEnv.sluice('list', '--server', server.url);
      expect(listed).toMatchObject({ code: 0, stdout: 'Paid orders\tversion 1\t3 stages\n' });
    } finally {
      await withEnv.remove();
    }
  }, 60_000);

  it('exports a flow from the server and imports it back under another name', async () => {
    const exported = await workspace.sluice(
      'export',
      'Paid orders',
      '--server',
      server.url,
      '--token',
      TOKEN,
    );
    expect(exported.code).toBe(0);
    const read = readFlowFile(exported.stdout);
    expect(read.ok && read.file.name).toBe('Paid orders');
    const imported = await workspace.sluice(
      'import',
      SAMPLE_FLOW,
      '--name',
      'Paid orders copy',
      '--server',
      server.url,
      '--token',
      TOKEN,
    );
    expect(imported).toMatchObject({
      code: 0,
      stdout: `Imported "Paid orders copy" on ${server.url}.\n`,
    });
  }, 60_000);
});
