/** How the services share the embedded DuckDB between editors' metadata work and runs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestServer } from '../test/harness';
import { startTestServer } from '../test/harness';

describe('services on the embedded DuckDB', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('keeps run records on a connection of their own, not queued behind flow saves', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A transaction holds the flows' connection until released, as a slow save would.
    const saving = server.services.target.meta.transaction(() => held);
    try {
      expect(await server.services.runs.listForFlow('no-such-flow')).toEqual([]);
    } finally {
      release();
      await saving;
    }
  });
});
