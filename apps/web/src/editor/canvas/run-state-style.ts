import type { CSSProperties } from 'react';

import type { StageRunState } from '../store/run-types';

/** Mantine colour names per stage run state, shared by the canvas and the run panel. */
export const RUN_STATE_COLOR: Record<StageRunState, string> = {
  pending: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  skipped: 'gray',
  cancelled: 'orange',
};

/** The node border for a run state; running pulses, skipped fades. */
export function runStateStyle(state: StageRunState | undefined): CSSProperties {
  if (state === undefined) return {};
  const color = `var(--mantine-color-${RUN_STATE_COLOR[state]}-6)`;
  return {
    borderColor: color,
    borderWidth: 2,
    borderStyle: state === 'pending' || state === 'skipped' ? 'dashed' : 'solid',
    opacity: state === 'skipped' ? 0.65 : 1,
    animation: state === 'running' ? 'sluice-pulse 1.2s ease-in-out infinite' : undefined,
  };
}

/**
 * How a partial run marks a node: a teal ring on a stage that will run (while the run waits for
 * its confirmation), faded for one the partial run leaves out.
 */
export function cutStyle(cut: 'will-run' | 'left-out' | undefined): CSSProperties {
  if (cut === 'will-run') {
    return { boxShadow: '0 0 0 3px var(--mantine-color-teal-5)', borderColor: 'transparent' };
  }
  return cut === 'left-out' ? { opacity: 0.35 } : {};
}
