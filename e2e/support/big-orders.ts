import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
