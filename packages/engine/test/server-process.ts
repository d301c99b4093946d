import type { SqlClient } from '../src/sql-client';

/**
 * Waits until the server shows a statement containing `marker` running, so a test cancels a
 * statement that has certainly started (no guessed delays).
 */
export async function untilRunning(observer: SqlClient, marker: string): Promise<void> {
  for (;;) {
    const rows = await observer.query(
      "SELECT id FROM information_schema.processlist WHERE info LIKE ? AND info NOT LIKE '%processlist%'",
      [`%${marker}%`],
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
