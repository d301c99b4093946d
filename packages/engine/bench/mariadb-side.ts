import { readFileSync } from 'node:fs';

import type { Plan } from '@sluice/compiler';

import type { Target } from '../src/target';
import type { RunMeasure, RunRequest } from './mariadb-flows';
import { openTarget } from '../src/open-target';
import { DEST_TABLE, flowPlan, tableExportPlan } from './bench-plans';
import { runBatches } from './mariadb-batches';
import { EXPORT_TABLE } from './mariadb-flows';
import { runHandWritten } from './mariadb-hand-written';
import { runSluicePlan, timed } from './measure';

/** A run as the server starts one on its open target: tables looked up, compiled, run. */
async function runSluice(target: Target, request: RunRequest): Promise<Map<string, number>> {
  const { dir, runTag, work } = request;
  const existingTables = await target.existingTables([{ name: DEST_TABLE }]);
  const tableDefinitions = await target.describeTables(existingTables);
  const compileFor = { target: target.profile, runTag, dir, existingTables, tableDefinitions };
  const plan: Plan =
    work === 'table-csv' || work === 'table-jsonl'
      ? tableExportPlan(
          {
            format: work === 'table-csv' ? 'csv' : 'jsonl',
            table: EXPORT_TABLE,
            file: `rate.${work}`,
          },
          compileFor,
        )
      : flowPlan(work, compileFor);
  const client = await target.connect();
  try {
    return await runSluicePlan(client, plan);
  } finally {
    await client.close();
  }
}

/** The work of a side other than Sluice's, which only measures the benchmark flows. */
async function runOther(request: RunRequest): Promise<void> {
  const { location, dir, side, work } = request;
  if (work === 'table-csv' || work === 'table-jsonl') {
    throw new Error('Only Sluice is measured exporting a table.');
  }
  if (side === 'hand') await runHandWritten(location, work, dir);
  else await runBatches(location, { flow: work, dir, size: side === 'batch' ? 1000 : 1 });
}

/**
 * The peak resident set of this process's own memory in MiB: the kernel's high-water mark of
 * its address space (`VmHWM`). Not `resourceUsage().maxRSS`: Linux starts a child's maximum
 * at the resident size its parent had when it forked, so a run spawned by the benchmark's
 * process, which by then holds DuckDB's memory, reported the parent's size instead of its own.
 * Where there is no /proc, `maxRSS` is the only measure.
 */
function peakRssMiB(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib !== undefined) return Number(kib) / 2 ** 10;
  } catch {
    // No /proc on this system.
  }
  // maxRSS is in KiB.
  return process.resourceUsage().maxRSS / 2 ** 10;
}

/**
 * Times one side's run; the target is opened first, as the server opens it once at start.
 * The RSS figures are the process's, so they describe the run alone in a process of its own.
 */
export async function measureSide(request: RunRequest): Promise<RunMeasure> {
  const { location, dir, side } = request;
  const target =
    side === 'sluice'
      ? await openTarget(location, {
          allowedDirectories: [dir],
          metaDatabase: request.metaDatabase,
        })
      : undefined;
  const startRssMiB = process.memoryUsage().rss / 2 ** 20;
  let stageSeconds = new Map<string, number>();
  try {
    const seconds = await timed(async () => {
      if (target) stageSeconds = await runSluice(target, request);
      else await runOther(request);
    });
    return { seconds, peakRssMiB: peakRssMiB(), startRssMiB, stageSeconds: [...stageSeconds] };
  } finally {
    await target?.close();
  }
}
