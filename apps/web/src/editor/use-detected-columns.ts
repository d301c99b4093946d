import type { QueryObserverResult } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useQueries } from '@tanstack/react-query';

import type { Column } from '@sluice/stages';

import { trpcClient } from '../lib/trpc';
import { useEditorStore } from './store/editor-context';
import {
  selectFilesToDetect,
  selectSetDetectedColumns,
  selectStagesToDescribe,
  selectTablesToDetect,
} from './store/selectors';

/** How long a file's or a table's columns are trusted before they are read again. */
const FRESH_MS = 60_000;

type Detection = QueryObserverResult<{ columns: Column[] | null }>;

/**
 * Reads the columns of every source file whose stage declares none (as a run would detect
 * them), of every table a table source reads (from the target's catalogue), and of every stage
 * whose columns only the target can tell (a zero-row query over the flow up to it), and hands
 * them to the store, so a mistyped column in a condition downstream is marked as it is typed rather than
 * when the flow runs. A file that cannot be read, or a table that does not exist, gives no
 * columns here; the run reports why.
 */
export function useDetectedColumns(): void {
  const files = useEditorStore(selectFilesToDetect);
  const tables = useEditorStore(selectTablesToDetect);
  const described = useEditorStore(selectStagesToDescribe);
  const setDetectedColumns = useEditorStore(selectSetDetectedColumns);
  const stageIds = [...files, ...tables, ...described].map(({ stageId }) => stageId);
  const key = stageIds.join('\u0000');
  const byStage = useCallback(
    (results: Detection[]) =>
      Object.fromEntries(
        key.split('\u0000').flatMap((stageId, i) => {
          const columns = results[i]?.data?.columns;
          return columns ? [[stageId, columns] as const] : [];
        }),
      ),
    [key],
  );
  const detected = useQueries({
    queries: [
      ...files.map(({ ref, format }) => {
        const input = { ...ref, format };
        return {
          queryKey: ['detected-columns', input],
          queryFn: () => trpcClient.externalStage.detectColumns.mutate(input),
          staleTime: FRESH_MS,
          retry: false,
        };
      }),
      ...tables.map(({ table }) => ({
        queryKey: ['table-columns', table],
        queryFn: () => trpcClient.catalog.columns.query(table),
        staleTime: FRESH_MS,
        retry: false,
      })),
      ...described.map((input) => ({
        queryKey: ['described-columns', input],
        queryFn: () => trpcClient.data.describe.mutate(input),
        staleTime: FRESH_MS,
        retry: false,
      })),
    ],
    combine: byStage,
  });
  useEffect(() => setDetectedColumns(detected), [detected, setDetectedColumns]);
}
