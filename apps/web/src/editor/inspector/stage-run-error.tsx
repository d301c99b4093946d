import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

import { useEditorStore } from '../store/editor-context';
import { selectStageRunStatus } from '../store/selectors';

/** The database's message when this stage failed in the run the editor shows, else nothing. */
export function StageRunError({ stageId }: { stageId: string }) {
  const status = useEditorStore(selectStageRunStatus(stageId));
  if (status?.state !== 'failed' || !status.error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      p="xs"
      title="This stage failed in the last run"
      icon={<IconAlertCircle size={16} />}
      data-testid="stage-run-error"
      styles={{ message: { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } }}
    >
      {status.error}
    </Alert>
  );
}
