import type { Edge, Node, XYPosition } from '@xyflow/react';

import type { FlowDocument, Link, Parameter, Stage } from '@sluice/flow';
import { FLOW_SCHEMA_VERSION, uniqueId } from '@sluice/flow';
import { getStage } from '@sluice/stages';

import type { NoteFlowNode } from './note-node-model';
import { isNoteNode, nodeFromNote, noteFromNode } from './note-node-model';

/** The node type of stages whose stage type this Sluice does not know (from a newer one). */
export const UNKNOWN_STAGE_NODE = 'unknown-stage';

/** What a canvas node carries: the stage minus its id and position, which React Flow holds. */
export interface StageNodeData extends Record<string, unknown> {
  type: string;
  typeVersion: number;
  label: string;
  /** What the stage is for, in the person's words; shown on hover. */
  description?: string;
  config: Record<string, unknown>;
}

/** A stage as React Flow sees it; `type` is the stage type, so `nodeTypes` picks its component. */
export type StageFlowNode = Node<StageNodeData>;

/** A link as React Flow sees it: handles are port names. */
export type LinkEdge = Edge;

/** Every node the canvas draws: stages, and notes beside them. */
export type CanvasNode = StageFlowNode | NoteFlowNode;

/** Whether a canvas node is a stage rather than a note. */
export function isStageNode(node: CanvasNode): node is StageFlowNode {
  return !isNoteNode(node);
}

/** What the canvas shows of a document, as the store holds it. */
export interface CanvasElements {
  nodes: StageFlowNode[];
  edges: LinkEdge[];
  notes: NoteFlowNode[];
  /** The flow's declared parameters: not drawn, but part of the document and its undo. */
  parameters: Parameter[];
}

/** Builds the canvas node of a stage, keeping React Flow's own fields from `previous`. */
export function nodeFromStage(stage: Stage, previous?: StageFlowNode): StageFlowNode {
  const { id, type, typeVersion, label, description, position, config } = stage;
  return {
    ...previous,
    id,
    type: getStage(type) ? type : UNKNOWN_STAGE_NODE,
    position: { ...position },
    data: { type, typeVersion, label, ...(description ? { description } : {}), config },
  };
}

/** Builds the canvas edge of a link. */
export function edgeFromLink(link: Link, previous?: LinkEdge): LinkEdge {
  return {
    ...previous,
    id: link.id,
    source: link.source.stageId,
    sourceHandle: link.source.port,
    target: link.target.stageId,
    targetHandle: link.target.port,
  };
}

/**
 * The saved document the canvas shows; positions are rounded so drags do not save noise. An
 * empty description or note list is left out, so a flow without them saves as it always did.
 */
export function toFlowDocument({ nodes, edges, notes, parameters }: Readonly<CanvasElements>) {
  const doc: FlowDocument = {
    schemaVersion: FLOW_SCHEMA_VERSION,
    stages: nodes.map((node) => ({
      id: node.id,
      type: node.data.type,
      typeVersion: node.data.typeVersion,
      label: node.data.label,
      ...(node.data.description ? { description: node.data.description } : {}),
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      config: node.data.config,
    })),
    links: edges.map((edge) => ({
      id: edge.id,
      source: { stageId: edge.source, port: edge.sourceHandle ?? '' },
      target: { stageId: edge.target, port: edge.targetHandle ?? '' },
    })),
    ...(notes.length > 0 ? { notes: notes.map(noteFromNode) } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
  };
  return doc;
}

/** Rebuilds the canvas from a document, reusing React Flow state of elements that stay. */
export function fromFlowDocument(
  doc: FlowDocument,
  previous: Readonly<CanvasElements>,
): CanvasElements {
  const oldNodes = new Map(previous.nodes.map((n) => [n.id, n]));
  const oldEdges = new Map(previous.edges.map((e) => [e.id, e]));
  const oldNotes = new Map(previous.notes.map((n) => [n.id, n]));
  return {
    nodes: doc.stages.map((stage) => nodeFromStage(stage, oldNodes.get(stage.id))),
    edges: doc.links.map((link) => edgeFromLink(link, oldEdges.get(link.id))),
    notes: (doc.notes ?? []).map((note) => nodeFromNote(note, oldNotes.get(note.id))),
    parameters: doc.parameters ?? [],
  };
}

/**
 * A new, selected stage of `type` with the registry's defaults, an id and a label (`Filter`,
 * `Filter 2`...) unused among `nodes`; undefined for a type the registry does not know.
 */
export function newStageNode(
  type: string,
  position: XYPosition,
  nodes: readonly StageFlowNode[],
): StageFlowNode | undefined {
  const definition = getStage(type);
  if (!definition) return undefined;
  const id = uniqueId(type, new Set(nodes.map((n) => n.id)));
  const sameType = nodes.filter((n) => n.data.type === type).length;
  const label = sameType === 0 ? definition.ui.label : `${definition.ui.label} ${sameType + 1}`;
  return {
    id,
    type,
    position,
    selected: true,
    data: {
      type,
      typeVersion: definition.version,
      label,
      config: structuredClone<Record<string, unknown>>(definition.defaults),
    },
  };
}
