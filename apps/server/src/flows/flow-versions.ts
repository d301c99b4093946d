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

/** Every saved version of a flow, newest first, with when it was saved and what it changed. */
export async function versionHistory(flows: FlowsRepo, id: string): Promise<VersionSummary[]> {
  const versions = await flows.versions(id);
  return versions.map((entry, i) => {
    const previous: FlowDocument = versions[i + 1]?.document ?? emptyFlowDocument();
    return {
      version: entry.version,
      savedAt: entry.savedAt,
      change: changeOf(diffFlows(previous, entry.document)),
    };
  });
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
