import type { EdgeTypes, NodeTypes } from '@xyflow/react';

import { stageList } from '@sluice/stages';

import { NoteNode } from '../notes/note-node';
import { NOTE_NODE } from '../store/note-node-model';
import { UNKNOWN_STAGE_NODE } from '../store/stage-node-model';
import { ColumnsLink } from './link-edge';
import { StageNode } from './stage-node';

/**
 * Built once from the registry: every stage type draws with the one generic `StageNode`, and
 * notes with `NoteNode`.
 */
export const nodeTypes: NodeTypes = {
  ...Object.fromEntries(
    [...stageList().map((definition) => definition.type), UNKNOWN_STAGE_NODE].map(
      (type): [string, typeof StageNode] => [type, StageNode],
    ),
  ),
  [NOTE_NODE]: NoteNode,
};

/** Every link draws as a `ColumnsLink`: the default type, so saved links need no type field. */
export const edgeTypes: EdgeTypes = { default: ColumnsLink };
