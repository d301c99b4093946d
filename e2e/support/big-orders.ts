import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { CanvasPage } from '../pages/canvas-page';
import type { FlowListPage } from '../pages/flow-list-page';
import type { SluiceServer } from './sluice-server';
import { drawSourceFilterTable } from './paid-orders';

/**
 * About 0.1 ms of work per row on the one thread a server's DuckDB gets when
 * `SLUICE_TEST_DUCKDB_THREADS` is 1: a big file keeps a run busy for seconds to minutes on any
 * machine, while each chunk of rows takes well under a second, so a cancel or a kill lands at once.
 */
export const SLOW_CONDITION = `levenshtein(repeat(status, 60), repeat('pad', 60)) >= 0`;

/** `rows` orders, every one paid, as `big.csv` in `folder` (the exports folder, say). */
export async function writeBigOrders(folder: string, rows: number): Promise<void> {
  const lines = ['order_id,status,amount'];
  for (let i = 1; i <= rows; i += 1) lines.push(`${i},paid,${i % 500}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'big.csv'), `${lines.join('\n')}\n`);
}

/**
 * Gives the DuckDB of every server the calling spec file starts one thread (read by
 * duckdb-target.ts), so a run over the big file lasts the same on any machine.
 */
export function oneDuckDbThread(test: {
  beforeAll(run: () => void): void;
  afterAll(run: () => void): void;
}): void {
  test.beforeAll(() => {
    process.env.SLUICE_TEST_DUCKDB_THREADS = '1';
  });
  test.afterAll(() => {
    delete process.env.SLUICE_TEST_DUCKDB_THREADS;
  });
}

/**
 * Writes `rows` big orders, then draws and saves a flow `name` reading them: the file from the
 * exports external stage → a filter with `condition` → table `table`. Returns the stage ids.
 */
export async function drawBigOrdersFlow(
  pages: { flows: FlowListPage; canvas: CanvasPage; sluice: SluiceServer },
  flow: { name: string; rows: number; condition: string; table: string },
): Promise<{ source: string; filter: string; table: string }> {
  const { flows, canvas, sluice } = pages;
  await writeBigOrders(sluice.exportsDir, flow.rows);
  const { source, filter, table } = await drawSourceFilterTable({ flows, canvas }, flow.name);
  await canvas.select(source);
  await canvas.choose('externalStage', 'exports');
  await canvas.fill('path', 'big.csv');
  await canvas.configure(filter, { condition: flow.condition });
  await canvas.configure(table, { table: flow.table });
  await canvas.save();
  return { source, filter, table };
}
