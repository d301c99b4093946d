import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';

import { trpc } from '../../lib/trpc';
import { useEditorStore } from '../store/editor-context';
import { selectPreviewRequest } from '../store/selectors';

/**
 * Runs `data.preview` for each preview the editor asks for (`previewSelection`), and gives the
 * answer of the latest; an answer to an earlier request is dropped by TanStack Query.
 */
export function useStagePreview() {
  const request = useEditorStore(selectPreviewRequest);
  const preview = useMutation(trpc.data.preview.mutationOptions());
  const { mutate } = preview;
  useEffect(() => {
    if (request) {
      const { document, stageId, parameters } = request;
      mutate({ document, stageId, parameters });
    }
  }, [request, mutate]);
  return { request, preview };
}
