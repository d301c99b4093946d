import { Button } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';

import { useEditorStore } from '../store/editor-context';

/** Previews the selected stage's output on a sample (the data preview tab under the canvas). */
export function PreviewButton({ stageId }: { stageId: string }) {
  const previewSelection = useEditorStore((s) => s.previewSelection);
  return (
    <Button
      variant="light"
      size="xs"
      leftSection={<IconEye size={16} />}
      data-testid="preview-stage"
      aria-label={`Preview the data of stage ${stageId}`}
      onClick={() => previewSelection()}
      style={{ alignSelf: 'flex-start' }}
    >
      Preview data
    </Button>
  );
}
