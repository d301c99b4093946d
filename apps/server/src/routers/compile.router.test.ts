import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { TestServer } from '../../test/harness';
import { paidOrdersFlow } from '../../test/fixtures';
import { startTestServer } from '../../test/harness';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('compile router', () => {
  it('previews the SQL steps of a valid flow with files shown as stage:// references', async () => {
    const { diagnostics, steps } = await server.caller.compile.preview({
      document: paidOrdersFlow(),
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(steps.map((s) => s.phase)).toContain('write');
    const sql = steps.map((s) => s.sql).join('\n');
    expect(sql).toContain('stage://samples/orders.csv');
    expect(sql).not.toContain(server.dir);
  });

  it('reports an unknown stage type as a diagnostic on that stage, with no steps', async () => {
    const document = paidOrdersFlow();
    const [first] = document.stages;
    if (first) first.type = 'teleport';
    const { diagnostics, steps } = await server.caller.compile.preview({ document });
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'unknown-stage-type', stageId: 'orders', severity: 'error' }),
    );
    expect(steps).toEqual([]);
  });

  it('reports file references to external stages that do not exist', async () => {
    const { diagnostics, steps } = await server.caller.compile.preview({
      document: paidOrdersFlow({ externalStage: 'nowhere' }),
    });
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'unknown-external-stage',
        stageId: 'orders',
        path: ['externalStage'],
      }),
    );
    expect(steps).toEqual([]);
  });
});
