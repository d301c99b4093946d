import { Badge, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';

import { useEditorStore } from '../store/editor-context';
import { selectStageErrorCount, selectStageWarningCount } from '../store/selectors';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Red error and yellow warning counts of one stage; each shows only when non-zero. */
export function StageProblemBadges({ stageId }: { stageId: string }) {
  const errors = useEditorStore(selectStageErrorCount(stageId));
  const warnings = useEditorStore(selectStageWarningCount(stageId));
  return (
    <>
      {errors > 0 && (
        <Tooltip label={`${plural(errors, 'error')}; select to see`}>
          <Badge
            color="red"
            size="sm"
            circle
            data-testid="stage-badge-error"
            leftSection={<IconAlertCircle size={10} />}
            style={{ width: 'auto', paddingInline: 6, flexShrink: 0 }}
          >
            {errors}
          </Badge>
        </Tooltip>
      )}
      {warnings > 0 && (
        <Tooltip label={`${plural(warnings, 'warning')}; select to see`}>
          <Badge
            color="yellow"
            c="dark.8"
            size="sm"
            circle
            data-testid="stage-badge-warning"
            leftSection={<IconAlertTriangle size={10} />}
            style={{ width: 'auto', paddingInline: 6, flexShrink: 0 }}
          >
            {warnings}
          </Badge>
        </Tooltip>
      )}
    </>
  );
}
