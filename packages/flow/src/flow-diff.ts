import type { FieldPath } from './diagnostics';
import type { FlowDocument, Link, Stage } from './flow-schema';

/**
 * What changed between two versions of a flow document, for comparing them on the canvas and
 * sizing each saved version. Stages and notes are matched by id, links by the ports they join
 * (a link drawn again between the same ports is no change), parameters by name.
 */

/** How one stage present in both versions differs. */
export interface StageChange {
  stageId: string;
  /** Config fields whose value differs, as paths into the config (`['columns', 0, 'expression']`). */
  configPaths: FieldPath[];
  label?: { from: string; to: string };
  description?: { from: string; to: string };
  /** The stage type's version, when a migration or a newer editor changed it. */
  typeVersion?: { from: number; to: number };
}

export interface FlowDiff {
  stages: {
    /** Stages of the newer version only, by id. */
    added: string[];
    /** Stages of the older version only: the newer version does not have them. */
    removed: Stage[];
    /** Stages drawn at another position. */
    moved: string[];
    changed: StageChange[];
  };
  links: { added: Link[]; removed: Link[] };
  notes: { added: string[]; removed: string[]; changed: string[] };
  parameters: { added: string[]; removed: string[]; changed: string[] };
  /** How many things changed: each stage, link, note and parameter counted once. */
  size: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The leaf paths at which two JSON values differ; the empty path when they differ as a whole. */
export function changedPaths(from: unknown, to: unknown, at: FieldPath = []): FieldPath[] {
  if (Array.isArray(from) && Array.isArray(to)) {
    const length = Math.max(from.length, to.length);
    return Array.from({ length }, (_, i) => changedPaths(from[i], to[i], [...at, i])).flat();
  }
  if (isRecord(from) && isRecord(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return keys.flatMap((key) => changedPaths(from[key], to[key], [...at, key]));
  }
  return Object.is(from, to) ? [] : [at];
}

const same = (a: unknown, b: unknown): boolean => changedPaths(a, b).length === 0;

function stageChange(from: Stage, to: Stage): StageChange | undefined {
  const change: StageChange = { stageId: to.id, configPaths: changedPaths(from.config, to.config) };
  if (from.label !== to.label) change.label = { from: from.label, to: to.label };
  if ((from.description ?? '') !== (to.description ?? '')) {
    change.description = { from: from.description ?? '', to: to.description ?? '' };
  }
  if (from.typeVersion !== to.typeVersion) {
    change.typeVersion = { from: from.typeVersion, to: to.typeVersion };
  }
  const changed =
    change.configPaths.length > 0 ||
    change.label !== undefined ||
    change.description !== undefined ||
    change.typeVersion !== undefined;
  return changed ? change : undefined;
}

const linkKey = (link: Link): string =>
  `${link.source.stageId}\u0000${link.source.port}\u0000${link.target.stageId}\u0000${link.target.port}`;

/** Items of `from` and `to` by key: those only in `to`, only in `from`, and in both. */
function matched<T>(
  from: readonly T[],
  to: readonly T[],
  key: (item: T) => string,
): { added: T[]; removed: T[]; both: [T, T][] } {
  const before = new Map(from.map((item) => [key(item), item]));
  const after = new Set(to.map(key));
  return {
    added: to.filter((item) => !before.has(key(item))),
    removed: from.filter((item) => !after.has(key(item))),
    both: to.flatMap((item): [T, T][] => {
      const old = before.get(key(item));
      return old === undefined ? [] : [[old, item]];
    }),
  };
}

/**
 * How `to` differs from `from` (usually an older and a newer saved version).
 * @example diffFlows(v1, v2).stages.added // ['filter-2']
 */
export function diffFlows(from: FlowDocument, to: FlowDocument): FlowDiff {
  const stages = matched(from.stages, to.stages, (s) => s.id);
  const links = matched(from.links, to.links, linkKey);
  const notes = matched(from.notes ?? [], to.notes ?? [], (n) => n.id);
  const parameters = matched(from.parameters ?? [], to.parameters ?? [], (p) => p.name);
  const moved = stages.both.filter(([a, b]) => !same(a.position, b.position)).map(([, b]) => b.id);
  const changed = stages.both.flatMap(([a, b]) => stageChange(a, b) ?? []);
  const diff: FlowDiff = {
    stages: { added: stages.added.map((s) => s.id), removed: stages.removed, moved, changed },
    links: { added: links.added, removed: links.removed },
    notes: {
      added: notes.added.map((n) => n.id),
      removed: notes.removed.map((n) => n.id),
      changed: notes.both.filter(([a, b]) => !same(a, b)).map(([, b]) => b.id),
    },
    parameters: {
      added: parameters.added.map((p) => p.name),
      removed: parameters.removed.map((p) => p.name),
      changed: parameters.both.filter(([a, b]) => !same(a, b)).map(([, b]) => b.name),
    },
    size: 0,
  };
  const touched = new Set([...diff.stages.added, ...moved, ...changed.map((c) => c.stageId)]);
  diff.size =
    touched.size +
    diff.stages.removed.length +
    diff.links.added.length +
    diff.links.removed.length +
    diff.notes.added.length +
    diff.notes.removed.length +
    diff.notes.changed.length +
    diff.parameters.added.length +
    diff.parameters.removed.length +
    diff.parameters.changed.length;
  return diff;
}
