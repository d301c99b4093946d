import type { XYPosition } from '@xyflow/react';

import type { Note, Stage } from '@sluice/flow';
import { uniqueId } from '@sluice/flow';

import type { EditorSlice } from './editor-state';
import type { NoteFlowNode } from './note-node-model';
import type { StageClipboard } from './stage-clipboard';
import type { LinkEdge, StageFlowNode } from './stage-node-model';
import { nodeFromNote, NOTE_NODE } from './note-node-model';
import { unselected } from './selection.slice';
import { clipboardFromStages } from './stage-clipboard';
import { edgeFromLink, nodeFromStage } from './stage-node-model';

/** How far a paste without a pointer, or a duplicate, lands from the originals. */
export const PASTE_OFFSET = 40;

/** Copy, paste and duplicate of stages and notes; the system clipboard itself is the caller's. */
export interface ClipboardSlice {
  /** The selected stages with the links between them, and the selected notes, for the clipboard. */
  copySelection: () => StageClipboard | undefined;
  /**
   * Adds copies of `clip`'s stages, links and notes with fresh ids and labels, selected, in one
   * undo step: their top-left corner at `at`, or offset beside the originals. Returns the new
   * stages' and notes' ids.
   */
  pasteStages: (clip: StageClipboard, at?: XYPosition) => string[];
  /** Pastes a copy of the selection beside it; returns the new ids. */
  duplicateSelection: () => string[];
}

/** `label`, or `label 2`, `label 3`... whichever is not yet in `taken`. */
function uniqueLabel(label: string, taken: ReadonlySet<string>): string {
  if (!taken.has(label)) return label;
  const base = label.replace(/ \d+$/, '');
  for (let n = 2; ; n += 1) {
    const next = `${base} ${n}`;
    if (!taken.has(next)) return next;
  }
}

/** The shift that moves `items` so their top-left corner sits at `at`, or by the offset. */
function shiftOf(items: readonly (Stage | Note)[], at: XYPosition | undefined): XYPosition {
  if (!at) return { x: PASTE_OFFSET, y: PASTE_OFFSET };
  const left = Math.min(...items.map((s) => s.position.x));
  const top = Math.min(...items.map((s) => s.position.y));
  return { x: at.x - left, y: at.y - top };
}

export const createClipboardSlice: EditorSlice<ClipboardSlice> = (_set, get) => ({
  copySelection: () => clipboardFromStages(get().document(), get().selectedItemIds()),
  pasteStages: (clip, at) => {
    const { nodes, edges, notes } = get();
    const clipNotes = clip.notes ?? [];
    const takenIds = new Set([...nodes, ...notes].map((n) => n.id));
    const takenLabels = new Set(nodes.map((n) => n.data.label));
    const shift = shiftOf([...clip.stages, ...clipNotes], at);
    const moved = (p: XYPosition) => ({ x: p.x + shift.x, y: p.y + shift.y });
    const idMap = new Map<string, string>();
    const pasted: StageFlowNode[] = clip.stages.map((stage) => {
      const id = uniqueId(stage.type, takenIds);
      const label = uniqueLabel(stage.label, takenLabels);
      takenIds.add(id);
      takenLabels.add(label);
      idMap.set(stage.id, id);
      const config = structuredClone(stage.config);
      const position = moved(stage.position);
      return { ...nodeFromStage({ ...stage, id, label, position, config }), selected: true };
    });
    const pastedNotes: NoteFlowNode[] = clipNotes.map((note) => {
      const id = uniqueId(NOTE_NODE, takenIds);
      takenIds.add(id);
      return { ...nodeFromNote({ ...note, id, position: moved(note.position) }), selected: true };
    });
    const takenLinks = new Set(edges.map((e) => e.id));
    const links: LinkEdge[] = clip.links.map((link) => {
      const id = uniqueId('link', takenLinks);
      takenLinks.add(id);
      const source = { ...link.source, stageId: idMap.get(link.source.stageId) ?? '' };
      const target = { ...link.target, stageId: idMap.get(link.target.stageId) ?? '' };
      return edgeFromLink({ id, source, target });
    });
    const rest = unselected(get());
    get().commit({
      nodes: [...rest.nodes, ...pasted],
      edges: [...rest.edges, ...links],
      notes: [...rest.notes, ...pastedNotes],
    });
    get().syncSelection();
    return [...pasted, ...pastedNotes].map((n) => n.id);
  },
  duplicateSelection: () => {
    const clip = get().copySelection();
    return clip ? get().pasteStages(clip) : [];
  },
});
