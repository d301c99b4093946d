import { useMutation, useQueryClient } from '@tanstack/react-query';

import { ConfirmDeleteModal } from '../lib/confirm-delete-modal';
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
    <ConfirmDeleteModal
      opened={name !== undefined}
      title="Delete external stage"
      pending={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : undefined}
      onConfirm={() => name !== undefined && remove.mutate({ name })}
      onClose={close}
    >
      Delete <b>{name}</b>? The files in its folder stay untouched, but flows that read from or
      write to <code>stage://{name}/</code> will stop compiling until it exists again.
    </ConfirmDeleteModal>
  );
}
