import type { RssSample } from './soak';
import { median } from './latency';

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

/**
 * The RSS figures of a soak: the peak, the median of its middle and last thirds, and the slope
 * over the last third. V8's collections, the C allocator and DuckDB's checkpoints make RSS swing
 * by a hundred MB within seconds, so the medians of whole thirds tell growth from swing better
 * than any single sample.
 */
export function memoryTrend(samples: readonly RssSample[]): {
  peakMb: number;
  middleMb: number;
  lastMb: number;
  lastSlope: number;
} {
  const third = Math.floor(samples.length / 3);
  const last = samples.slice(samples.length - third);
  return {
    peakMb: Math.max(...samples.map((s) => s.mb)),
    middleMb: median(samples.slice(third, samples.length - third).map((s) => s.mb)),
    lastMb: median(last.map((s) => s.mb)),
    lastSlope: slopePerMinute(last),
  };
}
