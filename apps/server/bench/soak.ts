import { setTimeout as sleep } from 'node:timers/promises';

import type { ApiClient } from './api-client';
import type { ServerProcess } from './server-process';
import { apiClient, runEnd } from './api-client';
import { edited, smallRunFlow } from './bench-flow';
import { ownFlow } from './concurrent-edits';
import { Timings } from './latency';

/** One RSS sample: seconds since the soak began and the server's resident MB. */
export interface RssSample {
  at: number;
  mb: number;
}

export interface SoakResult {
  samples: RssSample[];
  /** Calls per kind, each with its times and failures. */
  calls: Record<string, Timings>;
}

const KINDS = ['load', 'save', 'list', 'versions', 'validate', 'preview', 'run'] as const;
type Kind = (typeof KINDS)[number];

/** One editor's loop over its own flow: what a person does in the editor, repeated. */
async function editorLoop(
  client: ApiClient,
  id: string,
  options: { calls: Record<Kind, Timings>; until: number },
): Promise<void> {
  const { calls } = options;
  for (let i = 0; performance.now() < options.until; i++) {
    const flow = await calls.load.time(() => client.flow.byId.query({ id }));
    if (!flow) continue;
    const document = edited(flow.document, i);
    await calls.validate.time(() => client.compile.preview.query({ document }));
    await calls.save.time(() =>
      client.flow.save.mutate({ id, baseVersion: flow.version, document }),
    );
    await calls.list.time(() => client.flow.list.query());
    if (i % 4 === 0) await calls.versions.time(() => client.flow.versions.query({ id }));
    if (i % 8 === 0) {
      const stageId = document.stages[i % document.stages.length]?.id ?? '';
      await calls.preview.time(() => client.data.preview.mutate({ document, stageId }));
    }
  }
}

/** Runs a small flow again and again, watching each run to its end as the run panel does. */
async function runnerLoop(
  client: ApiClient,
  calls: Record<Kind, Timings>,
  until: number,
): Promise<void> {
  const { id } = await client.flow.create.mutate({
    name: 'Bench small run',
    document: smallRunFlow('bench_small_run'),
  });
  while (performance.now() < until) {
    await calls.run.time(async () => {
      const { runId } = await client.run.start.mutate({ flowId: id });
      const run = await runEnd(client, runId);
      if (run.state !== 'succeeded') throw new Error(`Run ${run.state}: ${run.error ?? ''}`);
    });
  }
}

/**
 * Sustained mixed load for `seconds`: `clients` editors each load, validate, save, list and
 * now and then read versions and preview data on their own 100-stage flow, while one more client runs a
 * small flow over and over. The server's RSS is sampled every second.
 */
export async function soak(
  server: ServerProcess,
  options: { clients: number; seconds: number },
): Promise<SoakResult> {
  const calls = Object.fromEntries(KINDS.map((kind) => [kind, new Timings()])) as Record<
    Kind,
    Timings
  >;
  const editors = await Promise.all(
    Array.from({ length: options.clients }, async (_, c) => {
      const client = apiClient(server.url);
      return { client, id: await ownFlow(client, `Bench soak editor ${String(c)}`) };
    }),
  );
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const samples: RssSample[] = [];
  const sampling = (async () => {
    while (performance.now() < until) {
      samples.push({ at: (performance.now() - started) / 1000, mb: await server.rssMb() });
      await sleep(1000);
    }
  })();
  await Promise.all([
    ...editors.map(({ client, id }) => editorLoop(client, id, { calls, until })),
    runnerLoop(apiClient(server.url), calls, until),
    sampling,
  ]);
  return { samples, calls };
}
