/** The value below which `p` percent of `values` fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0;
}

/** The middle value (the upper one of an even count). */
export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/** Milliseconds each call of one kind took, and the calls that failed. */
export class Timings {
  readonly ms: number[] = [];
  failures = 0;
  firstFailure: unknown;

  /** Times `work`; a throw counts as a failure and is not rethrown. */
  async time<T>(work: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const value = await work();
      this.ms.push(performance.now() - started);
      return value;
    } catch (error) {
      this.failures += 1;
      this.firstFailure ??= error;
      return undefined;
    }
  }
}
