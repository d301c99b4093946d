import type { FlowDocument } from './flow-schema';
import { reachableStages } from './graph';

/** A flow cut down to some stages: what remains, or the selected ids that name no stage. */
export type CutFlowResult<T extends Pick<FlowDocument, 'stages' | 'links'>> =
  { ok: true; flow: T; stageIds: string[] } | { ok: false; unknown: string[] };

/**
 * The stages a partial run or preview of `selected` needs: the selected stages and every stage
 * upstream of them, in document order. Stages downstream of the selection are left out, so
 * destinations after it are not written.
 *
 * @example upstreamOf(doc, ['filter-1']) // ['src', 'filter-1']
 */
export function upstreamOf(
  doc: Pick<FlowDocument, 'stages' | 'links'>,
  selected: readonly string[],
): string[] {
  const needed = reachableStages(doc.links, selected, 'upstream');
  return doc.stages.filter((stage) => needed.has(stage.id)).map((stage) => stage.id);
}

/**
 * Cuts a flow to the selected stages plus their upstream ("run up to here"): the other stages
 * and every link touching them are dropped; the rest of the document is kept as it is.
 *
 * @example cutFlow(doc, ['filter-1']) // { ok: true, flow: { ...doc, stages: [src, filter-1], ... } }
 */
export function cutFlow<T extends Pick<FlowDocument, 'stages' | 'links'>>(
  doc: T,
  selected: readonly string[],
): CutFlowResult<T> {
  const known = new Set(doc.stages.map((stage) => stage.id));
  const unknown = selected.filter((id) => !known.has(id));
  if (unknown.length > 0) return { ok: false, unknown };
  const stageIds = upstreamOf(doc, selected);
  const kept = new Set(stageIds);
  const flow = {
    ...doc,
    stages: doc.stages.filter((stage) => kept.has(stage.id)),
    links: doc.links.filter((l) => kept.has(l.source.stageId) && kept.has(l.target.stageId)),
  };
  return { ok: true, flow, stageIds };
}
