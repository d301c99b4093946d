import type { RunClient } from './target';

/**
 * Turns an abort of the run's signal into `client.cancel()` (a KILL QUERY on MySQL-family
 * servers) while the run's steps execute. `stop` ends that before anything that must not be
 * stopped: the final COMMIT, and the undo and cleanup after a failure.
 */
export class CancelWatch {
  private cancelling: Promise<void> = Promise.resolve();
  private readonly onAbort = () => {
    this.cancelling = this.client.cancel().catch(() => undefined);
  };

  constructor(
    private readonly client: RunClient,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /**
   * Stops listening and waits for a cancel already on its way: a KILL QUERY that arrives late
   * would stop whichever statement runs then (the reverse RENAME of an undo, say) instead.
   */
  async stop(): Promise<void> {
    this.signal?.removeEventListener('abort', this.onAbort);
    await this.cancelling;
  }
}
