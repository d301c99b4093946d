import type { ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

interface ConfirmDeleteModalProps {
  opened: boolean;
  title: string;
  /** What goes with the deleted thing, in a sentence or two. */
  children: ReactNode;
  pending: boolean;
  /** Why the last attempt failed, shown in the dialog so the person can act on it. */
  error?: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before deleting; "Keep it" is the easy way out and Delete is red. */
export function ConfirmDeleteModal(props: ConfirmDeleteModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack>
        <Text>{props.children}</Text>
        {props.error !== undefined && (
          <Alert color="red" icon={<IconAlertTriangle />} title="Could not delete">
            {props.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep it
          </Button>
          <Button
            color="red"
            data-testid="confirm-delete"
            loading={props.pending}
            onClick={props.onConfirm}
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
