/**
 * Versions of a flow through the API on DuckDB and MariaDB metadata: each saved version's size
 * of change, the diff between any two, and a restore that adds a version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';

import type { TestServer, TestTarget } from '../../test/harness';
import { startTestServer } from '../../test/harness';
import { VersionHistory } from './flow-versions';

const filter = (id: string, condition: string, x = 0) => ({
  id,
  type: 'filter',
  typeVersion: 1,
  label: id,
  position: { x, y: 0 },
  config: { condition },
});

const v1: FlowDocument = {
  schemaVersion: 1,
  stages: [filter('a', 'x > 1'), filter('b', 'x > 2')],
  links: [
    { id: 'l1', source: { stageId: 'a', port: 'out' }, target: { stageId: 'b', port: 'in' } },
  ],
};
const v2: FlowDocument = {
  ...v1,
  stages: [filter('a', 'x > 10', 80), filter('c', 'y = 1')],
  links: [
    { id: 'l2', source: { stageId: 'a', port: 'out' }, target: { stageId: 'c', port: 'in' } },
  ],
};

describe.each<TestTarget>(['duckdb', 'mariadb'])('flow versions on %s metadata', (target) => {
  let server: TestServer;
  let id: string;
  beforeAll(async () => {
    server = await startTestServer({}, target);
    ({ id } = await server.caller.flow.create({ name: 'Versions', document: v1 }));
    await server.caller.flow.save({ id, baseVersion: 1, document: v2 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists each version with when it was saved and how much it changed', async () => {
    const versions = await server.caller.flow.versions({ id });
    expect(versions.map((v) => [v.version, v.change])).toEqual([
      [2, { size: 5, stagesAdded: 1, stagesRemoved: 1, stagesChanged: 1, linksChanged: 2 }],
      [1, { size: 3, stagesAdded: 2, stagesRemoved: 0, stagesChanged: 0, linksChanged: 1 }],
    ]);
    expect(Date.parse(versions[0]?.savedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(versions[1]?.savedAt ?? ''),
    );
  });

  it('compares two stored versions', async () => {
    const { from, to, diff } = await server.caller.flow.diff({ id, from: 1, to: 2 });
    expect([from.version, to.version]).toEqual([1, 2]);
    expect(to.document).toEqual(v2);
    expect(diff.stages.added).toEqual(['c']);
    expect(diff.stages.removed.map((s) => s.id)).toEqual(['b']);
    expect(diff.stages.moved).toEqual(['a']);
    expect(diff.stages.changed).toEqual([{ stageId: 'a', configPaths: [['condition']] }]);
    expect(diff.links.added.map((l) => l.id)).toEqual(['l2']);
    expect(diff.links.removed.map((l) => l.id)).toEqual(['l1']);
  });

  it('restores an old version as a new one, which compares equal to it', async () => {
    const { version } = await server.caller.flow.restore({ id, version: 1, baseVersion: 2 });
    expect(version).toBe(3);
    expect((await server.caller.flow.diff({ id, from: 1, to: 3 })).diff.size).toBe(0);
    expect((await server.caller.flow.versions({ id })).map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('remembers each change: a new save adds its own, and a smaller memory still answers in full', async () => {
    const before = await server.caller.flow.versions({ id });
    await server.caller.flow.save({ id, baseVersion: 3, document: v2 });
    const after = await server.caller.flow.versions({ id });
    expect(after.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    // Version 3 restored version 1, so saving version 2's document again changes what 2 did.
    expect(after[0]?.change).toEqual(after[2]?.change);
    expect(after.slice(1)).toEqual(before);
    const forgetful = new VersionHistory(server.services.flows, { remembered: 1 });
    expect(await forgetful.of(id)).toEqual(after);
    expect(await forgetful.of(id)).toEqual(after);
  });
});
