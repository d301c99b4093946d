import type { SqlClient } from './sql-client';

/**
 * The connection a run's undo and cleanup use: the run's own while it still answers, else one
 * opened fresh by `reconnect`, since a connection the server killed or the network dropped
 * cannot drop the run's staging tables. Chosen once per run; `close` closes a fresh one.
 */
export class TidyClient {
  private chosen: Promise<SqlClient> | undefined;
  private fresh: SqlClient | undefined;

  constructor(
    private readonly client: SqlClient,
    private readonly reconnect: (() => Promise<SqlClient>) | undefined,
  ) {}

  get(): Promise<SqlClient> {
    this.chosen ??= this.choose();
    return this.chosen;
  }

  private async choose(): Promise<SqlClient> {
    if (!this.reconnect) return this.client;
    const alive = await this.client.query('SELECT 1').then(
      () => true,
      () => false,
    );
    if (alive) return this.client;
    // When no fresh connection opens either, the run's own is used: its statements then fail
    // and the run reports each one as a cleanup error, naming what was left behind.
    this.fresh = await this.reconnect().catch(() => undefined);
    return this.fresh ?? this.client;
  }

  async close(): Promise<void> {
    await this.fresh?.close().catch(() => undefined);
  }
}
