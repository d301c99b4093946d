import { LRUCache } from 'lru-cache';

import type { FlowDiff, FlowDocument } from '@sluice/flow';
import { diffFlows, emptyFlowDocument } from '@sluice/flow';

import type { FlowsRepo } from '../repos/flows.repo';

/** How much one saved version changed the one before it (version 1: the empty flow). */
export interface VersionChange {
  /** Stages, links, notes and parameters that changed, each counted once (`FlowDiff.size`). */
  size: number;
  stagesAdded: number;
  stagesRemoved: number;
  /** Stages whose config, label or description changed, or that moved. */
  stagesChanged: number;
  linksChanged: number;
}

export interface VersionSummary {
  version: number;
  savedAt: string;
  change: VersionChange;
}

function changeOf(diff: FlowDiff): VersionChange {
  const changed = new Set([...diff.stages.moved, ...diff.stages.changed.map((c) => c.stageId)]);
  return {
    size: diff.size,
    stagesAdded: diff.stages.added.length,
    stagesRemoved: diff.stages.removed.length,
    stagesChanged: changed.size,
    linksChanged: diff.links.added.length + diff.links.removed.length,
  };
}

/**
 * How many version changes a server remembers. Each is a handful of numbers, so this many take
 * about a megabyte, and a person reopening the versions panel finds all of theirs.
 */
export const REMEMBERED_CHANGES = 10_000;

/**
 * Every saved version of a flow with what it changed. A version never changes once saved, so
 * its change is worked out once (a diff of its document and the one before) and remembered,
 * up to `remembered` of them, the least recently read forgotten first; the panel's next
 * opening reads and diffs only the versions saved since, instead of every document of the flow.
 */
export class VersionHistory {
  private readonly changes: LRUCache<string, VersionChange>;

  constructor(
    private readonly flows: FlowsRepo,
    { remembered = REMEMBERED_CHANGES }: { remembered?: number } = {},
  ) {
    this.changes = new LRUCache({ max: remembered });
  }

  /** Every saved version of flow `id`, newest first, with when it was saved and what it changed. */
  async of(id: string): Promise<VersionSummary[]> {
    const saved = await this.flows.savedVersions(id);
    const key = (version: number): string => `${id}@${String(version)}`;
    const found = new Map<number, VersionChange>();
    for (const { version } of saved) {
      const change = this.changes.get(key(version));
      if (change) found.set(version, change);
    }
    const missing = saved.map((entry) => entry.version).filter((version) => !found.has(version));
    if (missing.length > 0) {
      // Versions are numbered 1, 2, 3… with none removed, so each one's previous is one less.
      const documents = await this.flows.documentsBetween(id, {
        from: Math.max(1, Math.min(...missing) - 1),
        to: Math.max(...missing),
      });
      for (const version of missing) {
        const document = documents.get(version);
        const previous = version === 1 ? emptyFlowDocument() : documents.get(version - 1);
        if (!document || !previous) continue;
        const change = changeOf(diffFlows(previous, document));
        found.set(version, change);
        this.changes.set(key(version), change);
      }
    }
    return saved.flatMap((entry) => {
      const change = found.get(entry.version);
      return change ? [{ ...entry, change }] : [];
    });
  }
}

/** Two saved versions of a flow and how the `to` one differs from the `from` one. */
export async function versionDiff(
  flows: FlowsRepo,
  input: { id: string; from: number; to: number },
): Promise<{
  from: { version: number; document: FlowDocument };
  to: { version: number; document: FlowDocument };
  diff: FlowDiff;
}> {
  const [from, to] = await Promise.all([
    flows.atVersion(input.id, input.from),
    flows.atVersion(input.id, input.to),
  ]);
  return {
    from: { version: from.version, document: from.document },
    to: { version: to.version, document: to.document },
    diff: diffFlows(from.document, to.document),
  };
}
