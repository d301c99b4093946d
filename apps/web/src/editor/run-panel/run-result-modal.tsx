import type { ReactNode } from 'react';
import { Alert, Center, Loader, Modal } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

import { errorMessage } from '../../lib/trpc';

/** Which stage of which run a result modal shows, and how it closes. */
export interface RunResultProps {
  runId: string;
  stage: { stageId: string; label: string };
  onClose: () => void;
}

/**
 * The frame of what a run left behind (a table's rows, a file's head): a loader while it is
 * read, the server's message when it cannot be, and `children` once it is.
 */
export function RunResultModal(props: {
  title: string;
  onClose: () => void;
  query: { isPending: boolean; isError: boolean; error: unknown };
  errorTitle: string;
  children: ReactNode;
}) {
  const { query } = props;
  return (
    <Modal opened onClose={props.onClose} size="90%" title={props.title}>
      {query.isPending && (
        <Center p="lg">
          <Loader size="sm" />
        </Center>
      )}
      {query.isError && (
        <Alert color="red" icon={<IconAlertTriangle />} title={props.errorTitle}>
          {errorMessage(query.error)}
        </Alert>
      )}
      {props.children}
    </Modal>
  );
}
