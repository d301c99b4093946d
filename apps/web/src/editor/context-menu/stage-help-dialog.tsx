import { Modal } from '@mantine/core';

import { getStage } from '@sluice/stages';

import { StageHelpContent } from '../palette/stage-help';

/** A stage type's help, opened from a stage's context menu; closed while `type` is undefined. */
export function StageHelpDialog({ type, onClose }: { type?: string; onClose: () => void }) {
  const definition = type === undefined ? undefined : getStage(type);
  return (
    <Modal
      opened={definition !== undefined}
      onClose={onClose}
      title={definition?.ui.label}
      data-testid="stage-help-dialog"
    >
      {definition && <StageHelpContent definition={definition} />}
    </Modal>
  );
}
