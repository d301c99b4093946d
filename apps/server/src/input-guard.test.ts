/**
 * Every procedure's input passes one guard before zod or any recursive code sees it: strings a
 * database cannot store faithfully, nesting deeper than the metadata JSON functions read, and
 * oversized inputs are refused with BAD_REQUEST naming where. On DuckDB and the test MariaDB.
 */
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { FlowDocument } from '@sluice/flow';
import { emptyFlowDocument } from '@sluice/flow';

import type { TestServer, TestTarget } from '../test/harness';
import { S3_CREDENTIALS } from '../test/fixtures';
import { startTestServer } from '../test/harness';

const SURROGATE = 'L\ud800';
const SURROGATE_REASON = 'holds an invalid character (a lone UTF-16 surrogate); remove it.';
const NUL_REASON = 'holds an invalid character (NUL, U+0000); remove it.';

function flowWith(text: { label?: string; path?: string; linkId?: string } = {}): FlowDocument {
  const stage = (id: string, label: string, config: Record<string, unknown>) => ({
    id,
    type: 'filter',
    typeVersion: 1,
    label,
    position: { x: 0, y: 0 },
    config,
  });
  return {
    ...emptyFlowDocument(),
    stages: [
      stage('a', 'A', { condition: 'TRUE' }),
      stage('b', text.label ?? 'B', { condition: 'TRUE', nested: { path: text.path ?? 'x' } }),
    ],
    links: [
      {
        id: text.linkId ?? 'a-b',
        source: { stageId: 'a', port: 'out' },
        target: { stageId: 'b', port: 'in' },
      },
    ],
  };
}

/** A stage config `levels` objects deep. */
function nested(levels: number): Record<string, unknown> {
  let config: Record<string, unknown> = { leaf: true };
  for (let i = 1; i < levels; i += 1) config = { a: config };
  return config;
}

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe('BAD_REQUEST');
  return error as TRPCError;
}

describe.each<TestTarget>(['duckdb', 'mariadb'])('the input guard on %s', (target) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(
      { SLUICE_SECRET_KEY: 'a-secret-key-long-enough-for-the-server-config' },
      target,
    );
  });
  afterEach(async () => {
    await server.close();
  });

  it('refuses lone surrogates and NUL in every stored string, naming where, and the list keeps working', async () => {
    const { caller } = server;
    const flow = await caller.flow.create({ name: 'Kept', document: flowWith() });
    const folder = `file://${server.config.fileRoots[1] ?? ''}`;
    await caller.externalStage.create({ name: 'landing', url: folder });
    const cases: [() => Promise<unknown>, string][] = [
      [() => caller.flow.create({ name: SURROGATE }), `name ${SURROGATE_REASON}`],
      [
        () => caller.flow.create({ name: 'Labelled', document: flowWith({ label: SURROGATE }) }),
        `document.stages[1].label ${SURROGATE_REASON}`,
      ],
      [
        () =>
          caller.flow.save({ id: flow.id, baseVersion: 1, document: flowWith({ path: 'x\0y' }) }),
        `document.stages[1].config.nested.path ${NUL_REASON}`,
      ],
      [
        () =>
          caller.flow.save({
            id: flow.id,
            baseVersion: 1,
            document: flowWith({ linkId: '\udc00' }),
          }),
        `document.links[0].id ${SURROGATE_REASON}`,
      ],
      [
        () => caller.flow.saveAs({ name: 'Copy', document: flowWith({ label: `a\0` }) }),
        `document.stages[1].label ${NUL_REASON}`,
      ],
      [
        () => caller.flow.saveAs({ name: SURROGATE, document: flowWith() }),
        `name ${SURROGATE_REASON}`,
      ],
      [
        () => caller.flow.rename({ id: flow.id, name: `Re${SURROGATE}` }),
        `name ${SURROGATE_REASON}`,
      ],
      [
        () => caller.externalStage.create({ name: SURROGATE, url: folder }),
        `name ${SURROGATE_REASON}`,
      ],
      [
        () => caller.externalStage.create({ name: 'other', url: `${folder}\ud800` }),
        `url ${SURROGATE_REASON}`,
      ],
      [
        () => caller.externalStage.update({ name: 'landing', comment: SURROGATE }),
        `comment ${SURROGATE_REASON}`,
      ],
      [
        () =>
          caller.externalStage.create({
            name: 's3',
            url: 's3://bucket/',
            credentials: { ...S3_CREDENTIALS, AWS_KEY_ID: SURROGATE },
          }),
        `credentials.AWS_KEY_ID ${SURROGATE_REASON}`,
      ],
    ];
    for (const [call, message] of cases) expect((await refusal(call())).message).toBe(message);

    const keyed = await refusal(
      caller.flow.save({
        id: flow.id,
        baseVersion: 1,
        document: {
          ...flowWith(),
          stages: [{ ...flowWith().stages[0], config: { [SURROGATE]: 1 } }],
        },
      } as never),
    );
    expect(keyed.message).toBe(`A key in document.stages[0].config ${SURROGATE_REASON}`);

    const list = await caller.flow.list();
    expect(list.map((f) => f.name)).toEqual(['Kept']);
    expect((await caller.flow.byId({ id: flow.id })).version).toBe(1);
    expect((await caller.externalStage.list()).map((s) => s.name)).toContain('landing');
  });

  it('refuses a document nested 5,000 levels deep on create and save, naming where', async () => {
    const { caller } = server;
    const deep = flowWith();
    const [first] = deep.stages;
    if (first) first.config = nested(5000);
    const creating = await refusal(caller.flow.create({ name: 'Deep', document: deep }));
    expect(creating.message).toMatch(
      /^The input at document\.stages\[0\]\.config\.a\.a\.a… is nested deeper than 32 levels;/,
    );
    const flow = await caller.flow.create({ name: 'Shallow', document: flowWith() });
    await refusal(caller.flow.save({ id: flow.id, baseVersion: 1, document: deep }));
    await refusal(caller.compile.preview({ document: deep }));
    expect((await caller.flow.list()).map((f) => f.name)).toEqual(['Shallow']);
  });

  it('takes a config as deep as the limit allows, and stores and lists it', async () => {
    const document = flowWith();
    const [first] = document.stages;
    // input → document → stages → [0] → config: the config may hold 27 more levels.
    if (first) first.config = nested(28);
    const flow = await server.caller.flow.create({ name: 'At the limit', document });
    expect((await server.caller.flow.byId({ id: flow.id })).document).toEqual(document);
    expect((await server.caller.flow.list())[0]?.stageCount).toBe(2);
    if (first) first.config = nested(29);
    await refusal(server.caller.flow.save({ id: flow.id, baseVersion: 1, document }));
  });

  it('refuses an input larger than the HTTP body limit', async () => {
    const document = flowWith({ label: 'x'.repeat(100) });
    const [first] = document.stages;
    if (first) first.config = { condition: 'TRUE', note: 'n'.repeat(5 * 1024 * 1024) };
    const error = await refusal(server.caller.flow.create({ name: 'Huge', document }));
    expect(error.message).toBe(
      'The input is larger than 5 MB; a flow document needs far less, so remove what is not needed.',
    );
  });
});
