import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { errorMessage, trpc } from '../lib/trpc';

interface DeleteFlowModalProps {
  flow: { id: string; name: string } | undefined;
  onClose: () => void;
}

/** Confirms deleting a flow, which also deletes its saved versions and runs. */
export function DeleteFlowModal({ flow, onClose }: DeleteFlowModalProps) {
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.flow.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.flow.list.queryKey() });
        onClose();
      },
      onError: (e) =>
        notifications.show({ color: 'red', title: 'Could not delete', message: errorMessage(e) }),
    }),
  );
  return (
    <Modal opened={flow !== undefined} onClose={onClose} title="Delete flow" centered>
      <Stack>
        <Text>
          Delete <b>{flow?.name}</b>? Its saved versions and run history go with it. This cannot be
          undone.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button
            color="red"
            data-testid="confirm-delete"
            loading={remove.isPending}
            onClick={() => flow && remove.mutate({ id: flow.id })}
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
