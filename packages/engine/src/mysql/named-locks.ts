import { createHash } from 'node:crypto';
import type { Connection as PromiseConnection } from 'mysql2/promise';

import type { ClaimRequest, TargetClaim } from '../run-claims';
import type { SqlClient } from '../sql-client';
import type { MySqlAddress } from './connection-options';
import { ClaimLostError, DestinationHeldError } from '../run-claims';
import { openConnection } from './mysql-run-client';
import { queryRows } from './mysql-session';

/**
 * A run's claims as MySQL / MariaDB named locks (`GET_LOCK`), which every client of the server
 * shares, so two Sluice servers on one target see each other's runs. The locks live on one
 * connection of their own for as long as the run; the server frees them when that connection
 * ends for any reason (release, a crash of Sluice, a `KILL`), so a dead run never holds them;
 * a live run whose connection ends that way has lost them, and `lost` tells it to stop.
 * @see https://mariadb.com/kb/en/get_lock/
 */

/** Lock names may have 64 characters; a destination key is hashed to fit. */
export function destinationLockName(destination: string): string {
  return `sluice_dest_${createHash('sha256').update(destination).digest('hex').slice(0, 48)}`;
}

/** The lock a live run holds on its tag, which keeps the start-up sweep off its staging. */
export function runLockName(runTag: string): string {
  return `sluice_run_${runTag}`;
}

/** A year, MariaDB's and MySQL's longest `wait_timeout`: an idle claim must outlive any run. */
const IDLE_SECONDS = 31_536_000;

/**
 * Takes every destination lock, then the run tag's, without waiting (timeout 0): a lock held
 * elsewhere refuses the run at once with `DestinationHeldError` naming that destination.
 */
export async function claimWithLocks(
  address: MySqlAddress,
  request: ClaimRequest,
): Promise<TargetClaim> {
  const connection = await openConnection(address);
  const lost = new AbortController();
  let released = false;
  // Killed or dropped: the server has freed the locks, so another run may take them now.
  const onLost = (error?: unknown) => {
    if (released || lost.signal.aborted) return;
    const why = error instanceof Error ? error.message : 'its connection ended';
    lost.abort(
      new ClaimLostError(`the connection holding its locks failed: ${why}`, { cause: error }),
    );
  };
  connection.on('error', onLost);
  connection.on('end', () => {
    onLost();
  });
  const promised = connection.promise();
  try {
    await promised.query('SET SESSION wait_timeout = ?', [IDLE_SECONDS]);
    for (const destination of request.destinations) {
      if (!(await getLock(promised, destinationLockName(destination)))) {
        throw new DestinationHeldError(destination);
      }
    }
    if (!(await getLock(promised, runLockName(request.runTag)))) {
      throw new Error(`Run tag ${request.runTag} is already in use.`);
    }
  } catch (error) {
    released = true;
    connection.destroy();
    throw error;
  }
  return {
    lost: lost.signal,
    async release() {
      if (released) return;
      released = true;
      // Freed before the connection closes, so the next run finds the locks free at once;
      // closing the connection would free them too, a moment later.
      await promised.query('SELECT RELEASE_ALL_LOCKS()').catch(() => undefined);
      await promised.end().catch(() => {
        connection.destroy();
      });
    },
  };
}

async function getLock(connection: PromiseConnection, name: string): Promise<boolean> {
  const [row] = await queryRows<{ got: unknown }>(connection, 'SELECT GET_LOCK(?, 0) AS got', [
    name,
  ]);
  return Number(row?.got) === 1;
}

/** True unless the run tag's lock is free: a run that holds it, anywhere, is live. */
export async function runHoldsLock(client: SqlClient, runTag: string): Promise<boolean> {
  const [row] = await client.query<{ free: unknown }>('SELECT IS_FREE_LOCK(?) AS free', [
    runLockName(runTag),
  ]);
  return Number(row?.free) !== 1;
}
