import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { TestServer } from '../test/harness';
import { startTestServer } from '../test/harness';

let server: TestServer | undefined;
let otherRoot: string | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  if (otherRoot !== undefined) await rm(otherRoot, { recursive: true, force: true });
});

describe('seedExternalStages', () => {
  it('skips the samples stage outside the file roots with one warning naming the folder', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    otherRoot = await mkdtemp(join(tmpdir(), 'sluice-roots-'));
    server = await startTestServer({ SLUICE_FILE_ROOTS: otherRoot });
    const names = (await server.caller.externalStage.list()).map((stage) => stage.name);
    expect(names).not.toContain('samples');
    const lines = warn.mock.calls.map((call) => String(call[0]));
    const samples = lines.filter((line) => line.includes('"samples"'));
    expect(samples).toEqual([
      `Sluice did not create the "samples" external stage: its folder ${server.config.samplesDir} is outside SLUICE_FILE_ROOTS (${otherRoot}); add the folder there to get it.`,
    ]);
  });
});
