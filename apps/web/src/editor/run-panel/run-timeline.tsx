import { Text } from '@mantine/core';

import type { RunDetail } from '../store/run-types';
import { formatDuration } from '../../lib/format';
import { RUN_STATE_COLOR } from '../canvas/run-state-style';
import { isTerminal } from '../store/run-types';
import { timelineBars } from './timeline-bars';
import { useNow } from './use-now';

const ROW = 22;
const LABEL_WIDTH = 160;
const CHART_WIDTH = 600;

/**
 * One bar per stage over the run's time, coloured by the stage's state; an SVG that scales to
 * the panel's width, so no chart library is needed for a handful of bars.
 */
export function RunTimeline({ run }: { run: RunDetail }) {
  const now = useNow(!isTerminal(run.state), 250);
  const { bars, spanMs } = timelineBars(run, now);
  if (bars.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {run.live ? 'No stage has started yet.' : 'The timeline is drawn while a run is followed.'}
      </Text>
    );
  }
  const height = bars.length * ROW + 18;
  const width = LABEL_WIDTH + CHART_WIDTH;
  return (
    <svg
      data-testid="run-timeline"
      role="img"
      aria-label={`Run timeline over ${formatDuration(spanMs)}`}
      viewBox={`0 0 ${String(width)} ${String(height)}`}
      width="100%"
      style={{ maxWidth: 960, display: 'block' }}
    >
      {bars.map((bar, index) => {
        const y = index * ROW;
        const x = LABEL_WIDTH + bar.start * CHART_WIDTH;
        const w = Math.max(2, bar.width * CHART_WIDTH);
        return (
          <g
            key={bar.stageId}
            data-testid="run-timeline-bar"
            data-stage-id={bar.stageId}
            data-state={bar.state}
          >
            <text x={0} y={y + 15} fontSize={12} fill="var(--mantine-color-text)">
              {bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label}
            </text>
            <rect
              x={x}
              y={y + 4}
              width={w}
              height={ROW - 8}
              rx={3}
              fill={`var(--mantine-color-${RUN_STATE_COLOR[bar.state]}-6)`}
            >
              <title>{`${bar.label}: ${bar.state}, ${formatDuration(bar.durationMs)}`}</title>
            </rect>
            <text
              x={Math.min(x + w + 4, width - 48)}
              y={y + 15}
              fontSize={11}
              fill="var(--mantine-color-dimmed)"
            >
              {formatDuration(bar.durationMs)}
            </text>
          </g>
        );
      })}
      <line
        x1={LABEL_WIDTH}
        x2={width}
        y1={height - 14}
        y2={height - 14}
        stroke="var(--mantine-color-default-border)"
      />
      <text x={LABEL_WIDTH} y={height - 2} fontSize={11} fill="var(--mantine-color-dimmed)">
        0
      </text>
      <text
        x={width}
        y={height - 2}
        fontSize={11}
        textAnchor="end"
        fill="var(--mantine-color-dimmed)"
      >
        {formatDuration(spanMs)}
      </text>
    </svg>
  );
}
