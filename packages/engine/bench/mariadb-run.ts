/**
 * One measured MariaDB benchmark run in a process of its own:
 * `node --import tsx bench/mariadb-run.ts '<RunRequest as JSON>'` prints a RunMeasure as JSON.
 */
import type { Target } from '../src/target';
import type { RunMeasure, RunRequest } from './mariadb-flows';
import { openTarget } from '../src/open-target';
import { DEST_TABLE, exportPlan, tablePlan } from './bench-plans';
import { runHandWritten } from './mariadb-hand-written';
import { runSluicePlan, timed } from './measure';

/** A run as the server starts one on its open target: tables looked up, compiled, run. */
async function runSluice(target: Target, request: RunRequest): Promise<Map<string, number>> {
  const { dir, runTag, flow } = request;
  const existingTables = await target.existingTables([{ name: DEST_TABLE }]);
  const compileFor = { target: target.profile, runTag, dir, existingTables };
  const plan = flow === 'export' ? exportPlan(compileFor) : tablePlan(flow, compileFor);
  const client = await target.connect();
  try {
    return await runSluicePlan(client, plan);
  } finally {
    await client.close();
  }
}

/** Times the run; the target is opened first, as the server opens it once at start. */
async function measure(request: RunRequest): Promise<RunMeasure> {
  const startRssMiB = process.memoryUsage().rss / 2 ** 20;
  const { location, dir, side } = request;
  const target =
    side === 'sluice'
      ? await openTarget(location, {
          allowedDirectories: [dir],
          metaDatabase: request.metaDatabase,
        })
      : undefined;
  let stageSeconds = new Map<string, number>();
  try {
    const seconds = await timed(async () => {
      if (target) stageSeconds = await runSluice(target, request);
      else await runHandWritten(location, request.flow, dir);
    });
    // maxRSS is in KiB.
    const peakRssMiB = process.resourceUsage().maxRSS / 2 ** 10;
    return { seconds, peakRssMiB, startRssMiB, stageSeconds: [...stageSeconds] };
  } finally {
    await target?.close();
  }
}

const request = JSON.parse(process.argv[2] ?? '') as RunRequest;
process.stdout.write(JSON.stringify(await measure(request)));
