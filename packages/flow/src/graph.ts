import type { FlowDocument, Link, PortRef } from './flow-schema';

/** The result of ordering a flow's stages: an order, or the stages of one cycle. */
export type TopologicalResult = { ok: true; order: string[] } | { ok: false; cycle: string[] };

/**
 * Orders stage ids so that every link points forward (Kahn's algorithm; among stages that are
 * ready together the one earlier in the document goes first, so the order is stable).
 * @example topologicalOrder(doc) // { ok: true, order: ['src', 'filter', 'dest'] }
 */
export function topologicalOrder(doc: Pick<FlowDocument, 'stages' | 'links'>): TopologicalResult {
  const ids = doc.stages.map((s) => s.id);
  const indegree = new Map(ids.map((id) => [id, 0]));
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const link of doc.links) {
    if (!indegree.has(link.source.stageId) || !indegree.has(link.target.stageId)) continue;
    next.get(link.source.stageId)?.push(link.target.stageId);
    indegree.set(link.target.stageId, (indegree.get(link.target.stageId) ?? 0) + 1);
  }
  const position = new Map(ids.map((id, i) => [id, i]));
  const byPosition = (a: string, b: string) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  const ready = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort(byPosition);
    const id = ready.shift() as string;
    order.push(id);
    for (const to of next.get(id) ?? []) {
      const left = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, left);
      if (left === 0) ready.push(to);
    }
  }
  if (order.length === ids.length) return { ok: true, order };
  return { ok: false, cycle: findCycle(doc) ?? ids.filter((id) => !order.includes(id)) };
}

/**
 * Finds one cycle and returns its stage ids in link order (first id repeated at the end), or
 * `undefined` when the graph is acyclic.
 */
export function findCycle(doc: Pick<FlowDocument, 'stages' | 'links'>): string[] | undefined {
  const next = adjacency(doc.links);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'open');
    path.push(id);
    for (const to of next.get(id) ?? []) {
      if (state.get(to) === 'open') return [...path.slice(path.indexOf(to)), to];
      if (!state.has(to)) {
        const found = visit(to);
        if (found) return found;
      }
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const stage of doc.stages) {
    if (state.has(stage.id)) continue;
    const found = visit(stage.id);
    if (found) return found;
  }
  return undefined;
}

/** True when adding a link from `sourceId` to `targetId` would close a cycle (self-links included). */
export function wouldCreateCycle(
  links: readonly Link[],
  sourceId: string,
  targetId: string,
): boolean {
  if (sourceId === targetId) return true;
  const next = adjacency(links);
  const seen = new Set<string>();
  const stack = [targetId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === sourceId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

/**
 * The stages reachable from `from` along links (`downstream`) or against them (`upstream`),
 * the starting stages included.
 *
 * @example reachableStages(doc.links, ['filter-1'], 'upstream') // the filter and its sources
 */
export function reachableStages(
  links: readonly Link[],
  from: readonly string[],
  direction: 'upstream' | 'downstream',
): Set<string> {
  const reversed = links.map((l) => ({ ...l, source: l.target, target: l.source }));
  const next = adjacency(direction === 'downstream' ? links : reversed);
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return seen;
}

/**
 * The input port of an executor: each link into it orders the executor after the linked stage
 * (no rows travel), and it takes any number of links.
 */
export const AFTER_PORT = 'after';

/**
 * The output port of a stage that outputs no rows (destinations, executors), which links only
 * into an executor's `AFTER_PORT`, to run it after this stage.
 */
export const DONE_PORT = 'done';

/** The ports a stage offers, as its stage type declares them. */
export interface StagePorts {
  inputs: readonly string[];
  outputs: readonly string[];
  /** Inputs that take any number of links (an executor's `AFTER_PORT`); others take one. */
  many?: readonly string[];
}

/** Why a proposed link is refused, in words a person can act on. */
export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a proposed link before it is added: the ports exist and face the right way, the input
 * is free (each input takes one link), and the link closes no cycle.
 */
export function checkConnection(
  doc: Pick<FlowDocument, 'links'>,
  proposed: { source: PortRef; target: PortRef },
  portsOf: (stageId: string) => StagePorts | undefined,
): ConnectionCheck {
  const { source, target } = proposed;
  if (source.stageId === target.stageId)
    return { ok: false, reason: 'A stage cannot link to itself.' };
  const from = portsOf(source.stageId);
  const to = portsOf(target.stageId);
  if (!from || !to) return { ok: false, reason: 'Both ends of a link must be known stages.' };
  if (!from.outputs.includes(source.port)) {
    return { ok: false, reason: `"${source.port}" is not an output of the source stage.` };
  }
  if (!to.inputs.includes(target.port)) {
    return { ok: false, reason: `"${target.port}" is not an input of the target stage.` };
  }
  if (source.port === DONE_PORT && target.port !== AFTER_PORT) {
    return { ok: false, reason: 'This stage outputs no rows: link it to an executor only.' };
  }
  const taken =
    !(to.many?.includes(target.port) ?? false) &&
    doc.links.some((l) => l.target.stageId === target.stageId && l.target.port === target.port);
  if (taken)
    return { ok: false, reason: `Input "${target.port}" already has a link; remove it first.` };
  if (wouldCreateCycle(doc.links, source.stageId, target.stageId)) {
    return { ok: false, reason: 'This link would create a cycle; flows run in one direction.' };
  }
  return { ok: true };
}

/**
 * The links that end at each stage, keyed by stage id and then by input port, read in one pass
 * over the links so that a flow of many stages is not read once per stage.
 * @example linksInto(doc.links).get('join')?.get('left') // the links into the join's left port
 */
export function linksInto(links: readonly Link[]): Map<string, Map<string, Link[]>> {
  const byStage = new Map<string, Map<string, Link[]>>();
  for (const link of links) {
    const { stageId, port } = link.target;
    const byPort = byStage.get(stageId) ?? new Map<string, Link[]>();
    byStage.set(stageId, byPort);
    const into = byPort.get(port);
    if (into) into.push(link);
    else byPort.set(port, [link]);
  }
  return byStage;
}

function adjacency(links: readonly Link[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const link of links) {
    next.set(link.source.stageId, [...(next.get(link.source.stageId) ?? []), link.target.stageId]);
  }
  return next;
}
