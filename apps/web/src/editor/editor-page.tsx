import { Alert, Center, Loader, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ReactFlowProvider } from '@xyflow/react';

import { Link } from '../lib/router';
import { errorMessage } from '../lib/trpc';
import { EditorLayout } from './editor-layout';
import { useEditorSeed } from './past-run/use-editor-seed';
import { EditorStoreProvider } from './store/editor-context';

/**
 * Loads one flow and opens an editor (with its own store) on it; with `runId`, on the version
 * that run ran, read-only.
 */
export function EditorPage({ flowId, runId }: { flowId: string; runId?: string }) {
  const loaded = useEditorSeed(flowId, runId);
  if (loaded.status === 'pending') {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (loaded.status === 'error') {
    return (
      <Center h="100vh">
        <Stack maw={480}>
          <Alert
            color="red"
            icon={<IconAlertTriangle />}
            title={runId ? 'Could not open this run' : 'Could not open this flow'}
          >
            {errorMessage(loaded.error)}
          </Alert>
          <Link href="/">Back to the flows</Link>
        </Stack>
      </Center>
    );
  }
  return (
    <EditorStoreProvider seed={loaded.seed}>
      <ReactFlowProvider>
        <EditorLayout />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}
