import { useState } from 'react';
import { skipToken, useQuery } from '@tanstack/react-query';

import type { EditorSeed } from '../store/editor-store';
import { trpc } from '../../lib/trpc';

/** The editor's seed as it loads: the current flow, or a past run's version of it. */
export type SeedState =
  | { status: 'pending' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; seed: EditorSeed };

/** Loaded once per open editor and dropped when it closes, so reopening reads afresh. */
const ONCE = { staleTime: Infinity, gcTime: 0 } as const;

/**
 * Loads what the editor opens on: the flow's current version, and with `runId` the run and the
 * version it ran (the current one is still read: a restore saves on top of it).
 */
export function useEditorSeed(flowId: string, runId?: string): SeedState {
  // The current flow is read afresh each time an editor opens, even when a page just closed had
  // it: after a restore, or a save before a past run opened, the cached copy is out of date.
  const [openedAt] = useState(Date.now);
  const current = useQuery(
    trpc.flow.byId.queryOptions({ id: flowId }, { ...ONCE, refetchOnMount: 'always' }),
  );
  const run = useQuery(trpc.run.byId.queryOptions(runId ? { runId } : skipToken, ONCE));
  const version = run.data?.flowId === flowId ? run.data.flowVersion : undefined;
  const past = useQuery(
    trpc.flow.atVersion.queryOptions(
      version === undefined ? skipToken : { id: flowId, version },
      ONCE,
    ),
  );
  const failed = [current, run, past].find((q) => q.isError);
  if (failed) return { status: 'error', error: failed.error };
  if (run.data && run.data.flowId !== flowId) {
    return { status: 'error', error: new Error(`Run ${run.data.id} is a run of another flow.`) };
  }
  if (!current.data || current.dataUpdatedAt < openedAt) return { status: 'pending' };
  const { id, name, version: currentVersion, document } = current.data;
  if (runId === undefined)
    return { status: 'ready', seed: { flowId: id, name, version: currentVersion, document } };
  if (!past.data) return { status: 'pending' };
  return {
    status: 'ready',
    seed: {
      flowId: id,
      name,
      version: past.data.version,
      document: past.data.document,
      pastRun: { runId, version: past.data.version, currentVersion },
    },
  };
}
