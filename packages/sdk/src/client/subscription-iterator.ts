/** The callbacks a tRPC subscription reports to. */
export interface SubscriptionHandlers<T> {
  onData: (value: T) => void;
  onError: (error: unknown) => void;
  onComplete: () => void;
}

/**
 * A tRPC subscription as an async iterator: values are queued until read, an error ends the
 * iteration by throwing, and leaving the loop early (`break`, `return`) unsubscribes.
 */
export async function* subscriptionIterator<T>(
  subscribe: (handlers: SubscriptionHandlers<T>) => { unsubscribe(): void },
): AsyncGenerator<T> {
  const queue: T[] = [];
  // Set by the callbacks, between the reads of the loop below.
  const end: { done: boolean; failure?: { error: unknown } } = { done: false };
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const subscription = subscribe({
    onData: (value) => {
      queue.push(value);
      notify();
    },
    onError: (error) => {
      end.failure = { error };
      notify();
    },
    onComplete: () => {
      end.done = true;
      notify();
    },
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (end.failure) throw end.failure.error;
      if (end.done) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    subscription.unsubscribe();
  }
}
