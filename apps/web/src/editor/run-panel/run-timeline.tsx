import { Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';

import type { RunDetail } from '../store/run-types';
import type { TimelineBar } from './timeline-bars';
import { formatDuration } from '../../lib/format';
import { RUN_STATE_COLOR } from '../canvas/run-state-style';
import { isTerminal } from '../store/run-types';
import { timelineBars } from './timeline-bars';
import { useNow } from './use-now';

const ROW = 24;
const LABEL_WIDTH = 150;
/** Room for a duration written after its bar; a bar reaching further has it written inside. */
const AFTER_BAR = 56;
/** The width drawn for until the panel has been measured. */
const DEFAULT_WIDTH = 560;

/**
 * One bar per stage over the run's time, coloured by the stage's state; an SVG drawn at the
 * panel's own width (text stays its size), so no chart library is needed for a few bars.
 */
export function RunTimeline({ run }: { run: RunDetail }) {
  const now = useNow(!isTerminal(run.state), 250);
  const { ref, width: measured } = useElementSize();
  const { bars, spanMs } = timelineBars(run, now);
  return (
    <div ref={ref} style={{ width: '100%', minWidth: 0 }}>
      {bars.length === 0 ? (
        <Text size="sm" c="dimmed">
          {run.live
            ? 'No stage has started yet.'
            : 'The timeline is drawn while a run is followed.'}
        </Text>
      ) : (
        <TimelineChart bars={bars} spanMs={spanMs} width={measured} />
      )}
    </div>
  );
}

/** The bars, each with its label before it and its duration after (or inside, at the end). */
function TimelineChart({
  bars,
  spanMs,
  width: measured,
}: {
  bars: TimelineBar[];
  spanMs: number;
  width: number;
}) {
  const height = bars.length * ROW + 18;
  const width = Math.max(measured || DEFAULT_WIDTH, LABEL_WIDTH + 120);
  const chart = width - LABEL_WIDTH - 8;
  return (
    <svg
      data-testid="run-timeline"
      role="img"
      aria-label={`Run timeline over ${formatDuration(spanMs)}`}
      // Drawn in the panel's own pixels, at 100% so the chart never widens the panel itself.
      viewBox={`0 0 ${String(width)} ${String(height)}`}
      width="100%"
      height={height}
      style={{ display: 'block' }}
    >
      {bars.map((bar, index) => {
        const y = index * ROW;
        const x = LABEL_WIDTH + bar.start * chart;
        const w = Math.max(2, bar.width * chart);
        const inside = x + w + AFTER_BAR > width;
        return (
          <g
            key={bar.stageId}
            data-testid="run-timeline-bar"
            data-stage-id={bar.stageId}
            data-state={bar.state}
          >
            <text x={0} y={y + 16} fontSize={12} fill="var(--mantine-color-text)">
              {bar.label.length > 20 ? `${bar.label.slice(0, 19)}…` : bar.label}
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
              x={inside ? x + w - 6 : x + w + 6}
              y={y + 16}
              fontSize={11}
              textAnchor={inside ? 'end' : 'start'}
              fill={inside ? 'var(--mantine-color-white)' : 'var(--mantine-color-dimmed)'}
            >
              {formatDuration(bar.durationMs)}
            </text>
          </g>
        );
      })}
      <line
        x1={LABEL_WIDTH}
        x2={LABEL_WIDTH + chart}
        y1={height - 14}
        y2={height - 14}
        stroke="var(--mantine-color-default-border)"
      />
      <text x={LABEL_WIDTH} y={height - 2} fontSize={11} fill="var(--mantine-color-dimmed)">
        0
      </text>
      <text
        x={LABEL_WIDTH + chart}
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
