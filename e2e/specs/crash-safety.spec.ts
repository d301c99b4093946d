import type { Page } from '@playwright/test';

import type { CanvasPage } from '../pages/canvas-page';
import type { FlowListPage } from '../pages/flow-list-page';
import type { SluiceOptions, SluiceServer } from '../support/sluice-server';
import { drawBigOrdersFlow, oneDuckDbThread, SLOW_CONDITION } from '../support/big-orders';
import { queryDatabaseFile } from '../support/duckdb-file';
import { expect, test as onDuckDb } from '../support/fixtures';
import { test as onMariaDb } from '../support/mariadb-fixtures';
import { startSluice } from '../support/sluice-server';

/**
 * A server killed with SIGKILL in the middle of a run, as a crash would: on restart it finds
 * the run, marks it interrupted, and drops its staging, and the destination holds what the last
 * good run wrote. The run is made slow with a big file (and, on DuckDB, one thread).
 */
const ROWS = 600_000;

oneDuckDbThread(onDuckDb);

/**
 * Writes ten rows into `kept` with a good run, then starts a long one over the big file and
 * kills the server while it runs; returns the server started again on the same data.
 */
async function killMidRun(
  page: Page,
  ctx: { flows: FlowListPage; canvas: CanvasPage; sluice: SluiceServer },
  run: { slowCondition: string; restart?: Omit<SluiceOptions, 'after'> },
): Promise<SluiceServer> {
  const { slowCondition, restart = {} } = run;
  const { canvas, sluice } = ctx;
  const { filter, table } = await drawBigOrdersFlow(ctx, {
    name: 'Killed mid-run',
    rows: ROWS,
    condition: 'order_id <= 10',
    table: 'kept',
  });
  await canvas.select(table);
  await canvas.choose('mode', 'Overwrite');
  await canvas.save();
  expect(await canvas.run()).toBe('succeeded');

  await canvas.configure(filter, { condition: slowCondition });
  await canvas.save();
  const panel = page.getByTestId('run-panel');
  await page.getByTestId('run-button').click();
  await expect(panel.getByTestId('run-state')).toHaveText('running');
  const editor = new URL(page.url()).pathname;
  await sluice.kill();

  const again = await startSluice({ ...restart, after: sluice });
  await page.goto(`${again.url}${editor}`);
  const latest = panel.getByTestId('run-history-item').first();
  await expect(latest).toHaveAttribute('data-state', 'interrupted');
  return again;
}

onDuckDb(
  'on DuckDB: a server killed mid-run marks the run interrupted on restart, drops its staging and keeps the table',
  async ({ page, flows, canvas, sluice }) => {
    const again = await killMidRun(
      page,
      { flows, canvas, sluice },
      { slowCondition: SLOW_CONDITION },
    );
    await again.stop();
    const [kept] = await queryDatabaseFile<{ n: number }>(
      again.databaseFile,
      'SELECT count(*)::INTEGER AS n FROM kept',
    );
    expect(kept?.n).toBe(10);
    const staging = await queryDatabaseFile<{ name: string }>(
      again.databaseFile,
      "SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, '__sluice_') UNION ALL SELECT view_name FROM duckdb_views() WHERE starts_with(view_name, '__sluice_')",
    );
    expect(staging).toEqual([]);
  },
);

onMariaDb(
  'on MariaDB: a server killed mid-run marks the run interrupted on restart, drops its staging and keeps the table',
  async ({ page, flows, canvas, sluice, mariadb }) => {
    // Hashing a long text per row keeps MariaDB busy long after the load.
    const slow = `sha2(repeat(status, 2000), 512) <> ''`;
    const again = await killMidRun(
      page,
      { flows, canvas, sluice },
      {
        slowCondition: slow,
        restart: {
          databaseUrl: mariadb.url,
          env: { SLUICE_METADATA_DATABASE: mariadb.metadataName },
        },
      },
    );
    try {
      const [kept] = await mariadb.query<{ n: number }>(
        `SELECT count(*) AS n FROM \`${mariadb.name}\`.kept`,
      );
      expect(Number(kept?.n)).toBe(10);
      const staging = await mariadb.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND LEFT(table_name, 9) = '__sluice_'",
        [mariadb.name],
      );
      expect(staging).toEqual([]);
    } finally {
      await again.stop();
    }
  },
);
