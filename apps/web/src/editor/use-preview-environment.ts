import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';

import { useSystemInfo } from '../lib/system-info';
import { trpc } from '../lib/trpc';
import { useEditorStore } from './store/editor-context';
import { selectSetEnvironment } from './store/selectors';

/**
 * Hands the editor store what the preview compiles for: the server's target (so the SQL and
 * the target diagnostics are those of the database flows really run on, and a stage naming the
 * target's metadata schema is marked as you type) and the external stages that exist. Both come
 * from queries the page shares with the header and the fields. It waits for the list of external
 * stages to settle, so that opening a flow validates it against the target once, not twice.
 */
export function usePreviewEnvironment(): void {
  const target = useSystemInfo().data?.target;
  const stages = useQuery(trpc.externalStage.list.queryOptions());
  const setEnvironment = useEditorStore(selectSetEnvironment);
  useEffect(() => {
    if (!target || stages.isPending) return;
    const { dialect, product, version, metadataSchema } = target;
    setEnvironment({
      target: { dialect, product, version },
      metadataSchema,
      knownExternalStages: stages.data?.map((stage) => stage.name),
      disabledExternalStages: stages.data
        ?.filter((stage) => !stage.enabled)
        .map((stage) => stage.name),
      s3ExternalStages: stages.data?.filter((stage) => stage.onS3).map((stage) => stage.name),
    });
  }, [target, stages.isPending, stages.data, setEnvironment]);
}
