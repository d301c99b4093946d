import type { RssSample } from './soak';

/** MB per minute of the least-squares line through `samples`. */
export function slopePerMinute(samples: readonly RssSample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanAt = samples.reduce((sum, s) => sum + s.at, 0) / n;
  const meanMb = samples.reduce((sum, s) => sum + s.mb, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const s of samples) {
    covariance += (s.at - meanAt) * (s.mb - meanMb);
    variance += (s.at - meanAt) ** 2;
  }
  return variance === 0 ? 0 : (covariance / variance) * 60;
}

/** The RSS figures of a soak: the peak, and the trend over its first and last thirds. */
export function memoryTrend(samples: readonly RssSample[]): {
  peakMb: number;
  firstSlope: number;
  lastSlope: number;
  endMb: number;
} {
  const third = Math.floor(samples.length / 3);
  return {
    peakMb: Math.max(...samples.map((s) => s.mb)),
    firstSlope: slopePerMinute(samples.slice(0, third)),
    lastSlope: slopePerMinute(samples.slice(samples.length - third)),
    endMb: samples.at(-1)?.mb ?? 0,
  };
}
