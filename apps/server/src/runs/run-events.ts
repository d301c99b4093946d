import { EventEmitter, on } from 'node:events';

import type { RunDetail } from './run-types';
import { isTerminal } from './run-types';

const SNAPSHOT = 'snapshot';

/**
 * Fans run snapshots out to subscribers: one emitter per watched run, dropped when its last
 * watcher leaves, so finished runs hold no memory.
 */
export class RunEvents {
  private readonly channels = new Map<string, EventEmitter>();

  /** True when someone watches the run, so callers can skip building a snapshot nobody reads. */
  isWatched(runId: string): boolean {
    return (this.channels.get(runId)?.listenerCount(SNAPSHOT) ?? 0) > 0;
  }

  publish(runId: string, detail: RunDetail): void {
    this.channels.get(runId)?.emit(SNAPSHOT, detail);
  }

  /**
   * Yields the current snapshot, then each published one, and ends after a terminal state or
   * when `signal` aborts. Listening starts before `current` is read, so no change slips between.
   */
  async *watch(
    runId: string,
    current: () => Promise<RunDetail>,
    signal?: AbortSignal,
  ): AsyncGenerator<RunDetail> {
    const channel = this.channels.get(runId) ?? new EventEmitter();
    this.channels.set(runId, channel);
    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    signal?.addEventListener('abort', onAbort);
    const updates = on(channel, SNAPSHOT, { signal: stop.signal });
    try {
      const first = await current();
      yield first;
      if (isTerminal(first.state)) return;
      for await (const [detail] of updates as AsyncIterableIterator<[RunDetail]>) {
        yield detail;
        if (isTerminal(detail.state)) return;
      }
    } catch (error) {
      if (!stop.signal.aborted) throw error;
    } finally {
      stop.abort();
      signal?.removeEventListener('abort', onAbort);
      if (channel.listenerCount(SNAPSHOT) === 0) this.channels.delete(runId);
    }
  }
}
