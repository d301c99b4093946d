import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { errorMessage, trpc } from '../lib/trpc';

interface DeleteExternalStageModalProps {
  name: string | undefined;
  onClose: () => void;
}

/** Confirms deleting an external stage; its folder and files stay where they are. */
export function DeleteExternalStageModal({ name, onClose }: DeleteExternalStageModalProps) {
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.externalStage.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.externalStage.pathKey() });
        onClose();
      },
    }),
  );
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={name !== undefined} onClose={close} title="Delete external stage" centered>
      <Stack>
        <Text>
          Delete <b>{name}</b>? The files in its folder stay untouched, but flows that read from or
          write to <code>stage://{name}/</code> will stop compiling until it exists again.
        </Text>
        {remove.isError && (
          <Alert color="red" icon={<IconAlertTriangle />} title="Could not delete">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep it
          </Button>
          <Button
            color="red"
            data-testid="confirm-delete"
            loading={remove.isPending}
            onClick={() => name !== undefined && remove.mutate({ name })}
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
