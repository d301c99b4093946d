import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { ConfirmDeleteModal } from '../lib/confirm-delete-modal';
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
    <ConfirmDeleteModal
      opened={flow !== undefined}
      title="Delete flow"
      pending={remove.isPending}
      onConfirm={() => flow && remove.mutate({ id: flow.id })}
      onClose={onClose}
    >
      Delete <b>{flow?.name}</b>? Its saved versions and run history go with it. This cannot be
      undone.
    </ConfirmDeleteModal>
  );
}
