import { Textarea } from '@mantine/core';

import { STAGE_DESCRIPTION_MAX } from '@sluice/flow';

import { useEditorStore } from '../store/editor-context';

/** From this share of the limit on, the field says how much room is left. */
const COUNT_FROM = 0.8;

function hintOf(length: number) {
  if (length >= STAGE_DESCRIPTION_MAX) {
    return `${STAGE_DESCRIPTION_MAX} of ${STAGE_DESCRIPTION_MAX} characters: the most a description holds`;
  }
  if (length >= STAGE_DESCRIPTION_MAX * COUNT_FROM) {
    return `${length} of ${STAGE_DESCRIPTION_MAX} characters`;
  }
  return 'Shown when the pointer rests on the stage';
}

/** What the stage is for, in the person's words; typing folds into one undo step. */
export function StageDescriptionInput({
  stageId,
  description,
}: {
  stageId: string;
  description: string;
}) {
  const describeStage = useEditorStore((s) => s.describeStage);
  return (
    <Textarea
      label="Description"
      data-testid="stage-description-input"
      description={hintOf(description.length)}
      inputWrapperOrder={['label', 'input', 'description']}
      value={description}
      maxLength={STAGE_DESCRIPTION_MAX}
      autosize
      minRows={2}
      maxRows={6}
      onChange={(e) => describeStage(stageId, e.currentTarget.value)}
    />
  );
}
