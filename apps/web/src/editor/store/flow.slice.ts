import type { Connection, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';

import type {
  ConnectionCheck,
  FlowDocument,
  Parameter,
  ParameterInput,
  StagePorts,
} from '@sluice/flow';
import { checkConnection, uniqueId } from '@sluice/flow';
import { getStage, patchStageConfig } from '@sluice/stages';

import type { EditorSlice } from './editor-state';
import type { PastRunView } from './read-only';
import type { CanvasElements, CanvasNode, LinkEdge, StageFlowNode } from './stage-node-model';
import { isNoteNode } from './note-node-model';
import { unselected } from './selection.slice';
import {
  edgeFromLink,
  fromFlowDocument,
  isStageNode,
  newStageNode,
  toFlowDocument,
} from './stage-node-model';

/**
 * The flow being edited: the graph as React Flow nodes and edges, the flow record's name and
 * saved version, and the domain verbs that change it. Every document-changing verb captures
 * an undo step and bumps `docRevision`; drags capture at drag end and bump nothing.
 */
export interface FlowSlice {
  flowId: string;
  name: string;
  /** Set when the editor shows a past run's version, read-only (see `read-only.ts`). */
  pastRun: PastRunView | undefined;
  /** The saved version the editor started from; the base of the next save. */
  version: number;
  nodes: StageFlowNode[];
  edges: LinkEdge[];
  /** Bumped by every structure or config change (not drags); derived data keys on it. */
  docRevision: number;
  savedJson: string;
  isDirty: boolean;
  /** The document before the drag in progress, captured when it ends. */
  dragStart: FlowDocument | undefined;
  /** Adds a stage of `type` with the registry's defaults; returns its id (undefined if unknown). */
  addStage: (type: string, position: XYPosition) => string | undefined;
  /** Merges `patch` into the stage's config. */
  updateStageConfig: (id: string, patch: Record<string, unknown>) => void;
  renameStage: (id: string, label: string) => void;
  parameters: Parameter[];
  /** Replaces the flow's declared parameters, as one undo step. */
  setParameters: (parameters: Parameter[]) => void;
  /**
   * The values last chosen in the run dialog, by name: the next run's and the previews' (the
   * defaults for the others). Not part of the document.
   */
  parameterValues: Record<string, ParameterInput>;
  setParameterValues: (values: Record<string, ParameterInput>) => void;
  /** Sets what the stage is for, shown on hover; an empty text removes it. */
  describeStage: (id: string, description: string) => void;
  /** Links two ports unless `checkConnection` refuses; the reason is for the person. */
  connect: (connection: Connection) => ConnectionCheck;
  /** Replaces stages, links and/or notes as one undo step; the building block of other verbs. */
  commit: (next: Partial<CanvasElements>) => void;
  /** Removes stages (with their links), notes and links in one undo step. */
  removeElements: (nodeIds: readonly string[], edgeIds: readonly string[]) => void;
  /**
   * React Flow's node changes, of stages and notes alike: positions, sizes, selection. A drag or
   * a resize is one undo step, captured at its end. Removals go through removeElements.
   */
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<LinkEdge>[]) => void;
  /** The current document, as a save sends it. */
  document: () => FlowDocument;
  /** Records a successful save of `saved` (edits made since stay dirty). */
  markSaved: (version: number, saved?: FlowDocument) => void;
  setName: (name: string) => void;
  /** Replaces the document (reload after a conflict); clears history. */
  loadDocument: (input: { document: FlowDocument; version: number; name?: string }) => void;
  refreshDirty: () => void;
}

/**
 * The values chosen last for the parameters the flow still declares: one removed or renamed
 * since is dropped rather than sent as an unknown parameter.
 */
export function chosenParameterValues(state: {
  parameters: readonly Parameter[];
  parameterValues: Readonly<Record<string, ParameterInput>>;
}): Record<string, ParameterInput> {
  const declared = new Set(state.parameters.map((p) => p.name));
  return Object.fromEntries(
    Object.entries(state.parameterValues).filter(([name]) => declared.has(name)),
  );
}

/** The ports of a stage on the canvas, from its stage type in the registry. */
function portsOf(nodes: readonly StageFlowNode[]): (id: string) => StagePorts | undefined {
  return (id) => {
    const node = nodes.find((n) => n.id === id);
    return node ? getStage(node.data.type)?.ports : undefined;
  };
}

/** A port given by React Flow, or the stage's only port when the handle carried no id. */
function resolvePort(handle: string | null | undefined, ports: readonly string[] | undefined) {
  if (handle) return handle;
  return ports?.length === 1 ? ports[0] : undefined;
}

/**
 * Where a batch of node changes leaves a gesture: a drag or resize still `ongoing`, `ended`
 * (also a one-off move, as the arrow keys make), or `none` (selection, measuring).
 */
function gestureOf(changes: readonly NodeChange<CanvasNode>[]): 'ongoing' | 'ended' | 'none' {
  const ongoing = changes.some(
    (c) =>
      (c.type === 'position' && c.dragging === true) ||
      (c.type === 'dimensions' && c.resizing === true),
  );
  if (ongoing) return 'ongoing';
  const ended = changes.some(
    (c) => c.type === 'position' || (c.type === 'dimensions' && c.resizing === false),
  );
  return ended ? 'ended' : 'none';
}

export const createFlowSlice: EditorSlice<FlowSlice> = (set, get) => {
  /** Applies a document change: undo capture, revision bump, dirty flag. */
  const change = (next: Partial<CanvasElements>, mergeKey?: string) => {
    get().capture(get().document(), mergeKey);
    set({ ...next, docRevision: get().docRevision + 1 });
    get().refreshDirty();
  };
  const updateNode = (id: string, update: (node: StageFlowNode) => StageFlowNode) =>
    get().nodes.map((n) => (n.id === id ? update(n) : n));

  return {
    flowId: '',
    pastRun: undefined,
    name: '',
    version: 0,
    nodes: [],
    edges: [],
    parameters: [],
    parameterValues: {},
    docRevision: 0,
    savedJson: '',
    isDirty: false,
    dragStart: undefined,
    addStage: (type, position) => {
      const node = newStageNode(type, position, get().nodes);
      if (!node) return undefined;
      const rest = unselected(get());
      change({ ...rest, nodes: [...rest.nodes, node] });
      get().syncSelection();
      return node.id;
    },
    updateStageConfig: (id, patch) => {
      const keys = Object.keys(patch).sort().join(',');
      change(
        {
          nodes: updateNode(id, (n) => ({
            ...n,
            data: { ...n.data, config: patchStageConfig(n.data.type, n.data.config, patch) },
          })),
        },
        `config:${id}:${keys}`,
      );
    },
    renameStage: (id, label) => {
      change(
        { nodes: updateNode(id, (n) => ({ ...n, data: { ...n.data, label } })) },
        `label:${id}`,
      );
    },
    setParameters: (parameters) => change({ parameters }),
    setParameterValues: (parameterValues) =>
      set({ parameterValues, docRevision: get().docRevision + 1 }),
    describeStage: (id, description) => {
      change(
        { nodes: updateNode(id, (n) => ({ ...n, data: { ...n.data, description } })) },
        `description:${id}`,
      );
    },
    connect: (connection) => {
      const { nodes, edges } = get();
      const ports = portsOf(nodes);
      const sourcePort = resolvePort(connection.sourceHandle, ports(connection.source)?.outputs);
      const targetPort = resolvePort(connection.targetHandle, ports(connection.target)?.inputs);
      if (sourcePort === undefined || targetPort === undefined) {
        return { ok: false, reason: 'Pick an output port and an input port to link.' };
      }
      const proposed = {
        source: { stageId: connection.source, port: sourcePort },
        target: { stageId: connection.target, port: targetPort },
      };
      const check = checkConnection(get().document(), proposed, ports);
      if (!check.ok) return check;
      const id = uniqueId('link', new Set(edges.map((e) => e.id)));
      change({ edges: [...edges, edgeFromLink({ id, ...proposed })] });
      return check;
    },
    commit: (next) => change(next),
    removeElements: (nodeIds, edgeIds) => {
      const goneNodes = new Set(nodeIds);
      const goneEdges = new Set(edgeIds);
      const { nodes, edges, notes } = get();
      const keptNodes = nodes.filter((n) => !goneNodes.has(n.id));
      const keptNotes = notes.filter((n) => !goneNodes.has(n.id));
      const keptEdges = edges.filter(
        (e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target),
      );
      const removed =
        keptNodes.length + keptNotes.length + keptEdges.length <
        nodes.length + notes.length + edges.length;
      if (!removed) return;
      change({ nodes: keptNodes, edges: keptEdges, notes: keptNotes });
      get().syncSelection();
    },
    onNodesChange: (changes) => {
      const kept = changes.filter((c) => c.type !== 'remove' && c.type !== 'add');
      if (kept.length === 0) return;
      const before = get().dragStart ?? get().document();
      const { nodes, notes } = get();
      const noteIds = new Set(notes.map((n) => n.id));
      const changed = applyNodeChanges<CanvasNode>(kept, [...nodes, ...notes]);
      // Only the list a change touched gets a new array, so the other's readers stay still.
      set({
        nodes: kept.some((c) => !noteIds.has(c.id)) ? changed.filter(isStageNode) : nodes,
        notes: kept.some((c) => noteIds.has(c.id)) ? changed.filter(isNoteNode) : notes,
      });
      const gesture = gestureOf(kept);
      if (gesture === 'ongoing') {
        if (!get().dragStart) set({ dragStart: before });
      } else if (gesture === 'ended') {
        if (JSON.stringify(before) !== JSON.stringify(get().document())) get().capture(before);
        set({ dragStart: undefined });
        get().refreshDirty();
      }
      if (kept.some((c) => c.type === 'select')) get().syncSelection();
    },
    onEdgesChange: (changes) => {
      const kept = changes.filter((c) => c.type === 'select');
      if (kept.length === 0) return;
      set({ edges: applyEdgeChanges(kept, get().edges) });
      get().syncSelection();
    },
    document: () => toFlowDocument(get()),
    markSaved: (version, saved) => {
      set({ version, savedJson: JSON.stringify(saved ?? get().document()) });
      get().refreshDirty();
    },
    setName: (name) => set({ name }),
    loadDocument: ({ document, version, name }) => {
      set({
        ...fromFlowDocument(document, get()),
        version,
        name: name ?? get().name,
        docRevision: get().docRevision + 1,
        dragStart: undefined,
        editingNoteId: undefined,
        noteEditStart: undefined,
      });
      get().clearHistory();
      get().markSaved(version);
      get().syncSelection();
    },
    refreshDirty: () => {
      const isDirty = JSON.stringify(get().document()) !== get().savedJson;
      if (isDirty !== get().isDirty) set({ isDirty });
    },
  };
};
