import { getDialect } from '@sluice/compiler';

import type { ClaimRequest, TargetClaim } from '../run-claims';
import type { SqlClient } from '../sql-client';
import { databaseErrorText } from '../database-error-text';
import { ClaimLostError, DestinationHeldError } from '../run-claims';
import { destinationLockName, runLockName } from './named-locks';

/**
 * A run's claims as rows of a table in the target's database, for MatrixOne: its released
 * versions have no `GET_LOCK`, and a distributed server would not share one across its nodes.
 * Each claim is written in a transaction of its own; a live run renews its rows' expiry every
 * `HEARTBEAT_MS`, so the rows of a run whose server died lapse after `LEASE_SECONDS` and stop
 * holding its destinations and staging. Times come from the database's clock, which every
 * Sluice server on the target shares.
 */
const TABLE = 'sluice_run_claims';
const LEASE_SECONDS = 60;
const HEARTBEAT_MS = 20_000;
/** Renewals that may fail in a row before the lease (three beats long) is taken as lost. */
const MAX_MISSED = 2;
/**
 * What a claim written at the same moment as another one's meets: the key taken
 * (`ER_DUP_ENTRY`), or the server choosing it as a deadlock's victim (`ER_LOCK_DEADLOCK`), the
 * other claim then going through.
 */
const LOST_RACE = new Set([1062, 1213]);

export class ClaimsTable {
  private ready: Promise<void> | undefined;

  /**
   * `database`: the target's database, where every Sluice server on it looks; `heartbeatMs`:
   * how often a live claim renews its lease (shorter only in tests).
   */
  constructor(
    private readonly client: SqlClient,
    private readonly database: string,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  private get table(): string {
    return getDialect('matrixone').quoteTable({ schema: this.database, name: TABLE });
  }

  private prepare(): Promise<void> {
    this.ready ??= this.client
      .run(
        `CREATE TABLE IF NOT EXISTS ${this.table} (lock_name VARCHAR(64) PRIMARY KEY,
          run_tag VARCHAR(32) NOT NULL, expires_at BIGINT NOT NULL)`,
      )
      .then(() => undefined);
    return this.ready;
  }

  /** Writes a row per destination and one for the run tag, or refuses naming a held one. */
  async claim(request: ClaimRequest): Promise<TargetClaim> {
    await this.prepare();
    const names = new Map(request.destinations.map((d) => [destinationLockName(d), d]));
    names.set(runLockName(request.runTag), request.runTag);
    const refuse = (error: unknown): never => {
      // Another server wrote one of these rows between the read below and the inserts; which
      // one it contested, the database does not say.
      const errno = (error as { errno?: unknown } | null)?.errno;
      if (typeof errno === 'number' && LOST_RACE.has(errno)) {
        throw new DestinationHeldError(
          request.destinations.length === 1
            ? (request.destinations[0] ?? request.runTag)
            : "one of this run's destinations",
          { cause: error },
        );
      }
      throw error;
    };
    await this.client
      .transaction(async (tx) => {
        await tx.run(`DELETE FROM ${this.table} WHERE expires_at < UNIX_TIMESTAMP()`);
        const marks = [...names.keys()].map(() => '?').join(', ');
        const held = await tx.query<{ lock_name: string }>(
          `SELECT lock_name FROM ${this.table} WHERE lock_name IN (${marks})`,
          [...names.keys()],
        );
        const first = held[0];
        if (first) throw new DestinationHeldError(names.get(first.lock_name) ?? first.lock_name);
        for (const name of names.keys()) {
          await tx.run(
            `INSERT INTO ${this.table} (lock_name, run_tag, expires_at)
           VALUES (?, ?, UNIX_TIMESTAMP() + ${String(LEASE_SECONDS)})`,
            [name, request.runTag],
          );
        }
      })
      .catch(refuse);
    const lost = new AbortController();
    let missed = 0;
    const renewOnce = async () => {
      try {
        const renewed = await this.client.run(
          `UPDATE ${this.table} SET expires_at = UNIX_TIMESTAMP() + ${String(LEASE_SECONDS)}
           WHERE run_tag = ?`,
          [request.runTag],
        );
        missed = 0;
        // Fewer rows than written: the lease lapsed and another run took (or swept) some.
        if (renewed < names.size) stop(new ClaimLostError('its lease lapsed and was taken'));
      } catch (error) {
        missed += 1;
        // One failed renewal is retried at the next beat; the lease outlasts two of them.
        if (missed >= MAX_MISSED) {
          stop(
            new ClaimLostError(`renewing its lease failed: ${databaseErrorText(error)}`, {
              cause: error,
            }),
          );
        }
      }
    };
    const renew = setInterval(() => void renewOnce(), this.heartbeatMs);
    renew.unref();
    let released = false;
    const stop = (reason: ClaimLostError) => {
      clearInterval(renew);
      if (!released) lost.abort(reason);
    };
    return {
      lost: lost.signal,
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(renew);
        await this.client.run(`DELETE FROM ${this.table} WHERE run_tag = ?`, [request.runTag]);
      },
    };
  }

  /** True while the run tag's row has not lapsed. */
  async isLive(runTag: string): Promise<boolean> {
    await this.prepare();
    const rows = await this.client.query(
      `SELECT 1 AS live FROM ${this.table} WHERE lock_name = ? AND expires_at >= UNIX_TIMESTAMP()`,
      [runLockName(runTag)],
    );
    return rows.length > 0;
  }
}
