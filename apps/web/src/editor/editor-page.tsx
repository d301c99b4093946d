import { Alert, Center, Loader, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';

import { Link } from '../lib/router';
import { errorMessage, trpc } from '../lib/trpc';
import { EditorLayout } from './editor-layout';
import { EditorStoreProvider } from './store/editor-context';

/** Loads one flow and opens an editor (with its own store) on it. */
export function EditorPage({ flowId }: { flowId: string }) {
  const flow = useQuery(
    trpc.flow.byId.queryOptions({ id: flowId }, { staleTime: Infinity, gcTime: 0 }),
  );
  if (flow.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (flow.isError) {
    return (
      <Center h="100vh">
        <Stack maw={480}>
          <Alert color="red" icon={<IconAlertTriangle />} title="Could not open this flow">
            {errorMessage(flow.error)}
          </Alert>
          <Link href="/">Back to the flows</Link>
        </Stack>
      </Center>
    );
  }
  const { id, name, version, document } = flow.data;
  return (
    <EditorStoreProvider seed={{ flowId: id, name, version, document }}>
      <ReactFlowProvider>
        <EditorLayout />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}
