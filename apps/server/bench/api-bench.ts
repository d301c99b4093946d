/**
 * Benchmark of the API: a real server in its own process on the embedded DuckDB default, 50
 * clients at once saving and loading their own 100-stage flows (p50 / p99 of each, failures),
 * then a sustained mixed soak sampling the server's RSS every second. Writes the `api` section
 * of docs/benchmarks.md. Run with `npm run bench -w @sluice/server` (about two minutes);
 * `BENCH_SOAK_SECONDS` sets the soak's length; `BENCH_SERVER_NODE_OPTIONS` adds options to the
 * server's `node` (`--cpu-prof`, `--heapsnapshot-signal=SIGUSR2`) for profiling it.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { writeBenchSection } from '@sluice/engine/bench-section';

import type { EditRound } from './concurrent-edits';
import { apiClient } from './api-client';
import { apiSection } from './api-section';
import { hundredStageFlow } from './bench-flow';
import { editRound } from './concurrent-edits';
import { startServer } from './server-process';
import { soak } from './soak';

const CLIENTS = 50;
const ROUNDS = 3;
const ITERATIONS = 8;
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  const started = performance.now();
  const server = await startServer(process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ') ?? []);
  try {
    const { diagnostics } = await apiClient(server.url).compile.preview.query({
      document: hundredStageFlow(),
    });
    const problem = diagnostics.find((d) => d.severity === 'error');
    if (problem) throw new Error(`The benchmark flow has an error: ${problem.message}`);
    await sleep(2000);
    const idleMb = await server.rssMb();
    log(`Server ${server.url} (pid ${String(server.pid)}), idle RSS ${idleMb.toFixed(0)} MB`);
    const rounds: EditRound[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const done = await editRound(server.url, { round, clients: CLIENTS, iterations: ITERATIONS });
      rounds.push(done);
      log(`Round ${String(round)}: ${done.seconds.toFixed(1)} s`);
    }
    const afterEditsMb = await server.rssMb();
    const soaked = await soak(server, { clients: CLIENTS, seconds: SOAK_SECONDS });
    const section = apiSection({
      clients: CLIENTS,
      iterations: ITERATIONS,
      rounds,
      idleMb,
      afterEditsMb,
      soak: soaked,
      soakSeconds: SOAK_SECONDS,
    });
    for (const line of section.lines) log(line);
    for (const verdict of section.verdicts)
      log(`${verdict.met ? 'met' : 'NOT met'}: ${verdict.text}`);
    await writeBenchSection('api', section);
  } finally {
    await server.stop();
  }
  log(`API benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await main();
