import { Progress, Tooltip } from '@mantine/core';

import type { StageRunStatus } from '../store/run.slice';
import { formatBytes } from '../../lib/format';
import { loadPercent } from './stage-timing';

/**
 * A running load's bar: bytes read of the file's size where Sluice streams the file, an
 * indeterminate (striped, moving) bar where the database reads it.
 */
export function LoadProgress({ status }: { status: StageRunStatus }) {
  const { progress } = status;
  if (status.state !== 'running' || progress === undefined) return null;
  const percent = loadPercent(progress);
  const label =
    percent === undefined
      ? 'The database is reading the file'
      : `${formatBytes(progress.bytesRead ?? 0)} of ${formatBytes(progress.totalBytes ?? 0)} read`;
  return (
    <Tooltip label={label}>
      <Progress
        data-testid="load-progress"
        data-percent={percent === undefined ? 'indeterminate' : Math.round(percent)}
        aria-label={label}
        size="sm"
        mt={6}
        value={percent ?? 100}
        striped={percent === undefined}
        animated={percent === undefined}
      />
    </Tooltip>
  );
}
