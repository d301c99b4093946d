import type { QueryObserverResult } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useQueries } from '@tanstack/react-query';

import type { Column } from '@sluice/stages';

import { trpcClient } from '../lib/trpc';
import { useEditorStore } from './store/editor-context';
import { selectFilesToDetect, selectSetDetectedColumns } from './store/selectors';

/** How long a file's detected columns are trusted before they are read again. */
const FRESH_MS = 60_000;

type Detection = QueryObserverResult<{ columns: Column[] }>;

/**
 * Reads the columns of every source file whose stage declares none (as a run would detect
 * them) and hands them to the store, so a mistyped column in a condition downstream is marked
 * as it is typed rather than when the flow runs. A file that cannot be read gives no columns
 * here; the run reports why.
 */
export function useDetectedColumns(): void {
  const files = useEditorStore(selectFilesToDetect);
  const setDetectedColumns = useEditorStore(selectSetDetectedColumns);
  const byStage = useCallback(
    (results: Detection[]) =>
      Object.fromEntries(
        files.flatMap(({ stageId }, i) => {
          const columns = results[i]?.data?.columns;
          return columns ? [[stageId, columns] as const] : [];
        }),
      ),
    [files],
  );
  const detected = useQueries({
    queries: files.map(({ ref, format }) => {
      const input = { ...ref, format };
      return {
        queryKey: ['detected-columns', input],
        queryFn: () => trpcClient.externalStage.detectColumns.mutate(input),
        staleTime: FRESH_MS,
        retry: false,
      };
    }),
    combine: byStage,
  });
  useEffect(() => setDetectedColumns(detected), [detected, setDetectedColumns]);
}
