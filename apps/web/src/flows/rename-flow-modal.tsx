import { Modal } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { errorMessage, trpc } from '../lib/trpc';
import { FlowNameForm } from './flow-name-form';

interface RenameFlowModalProps {
  flow: { id: string; name: string } | undefined;
  onClose: () => void;
  onRenamed?: (name: string) => void;
}

/** Renames a flow; a name already taken shows inline and the modal stays open. */
export function RenameFlowModal({ flow, onClose, onRenamed }: RenameFlowModalProps) {
  return (
    <Modal opened={flow !== undefined} onClose={onClose} title="Rename flow" centered>
      {flow && <RenameForm key={flow.id} flow={flow} onClose={onClose} onRenamed={onRenamed} />}
    </Modal>
  );
}

function RenameForm({
  flow,
  onClose,
  onRenamed,
}: RenameFlowModalProps & { flow: { id: string; name: string } }) {
  const queryClient = useQueryClient();
  const rename = useMutation(
    trpc.flow.rename.mutationOptions({
      onSuccess: async (record) => {
        await queryClient.invalidateQueries({ queryKey: trpc.flow.pathKey() });
        onRenamed?.(record.name);
        onClose();
      },
    }),
  );
  return (
    <FlowNameForm
      initialName={flow.name}
      submitLabel="Rename"
      testIds={{ input: 'rename-flow-input', submit: 'rename-flow-submit' }}
      pending={rename.isPending}
      serverError={rename.error ? errorMessage(rename.error) : undefined}
      onEdit={rename.reset}
      onSubmit={(name) => rename.mutate({ id: flow.id, name })}
      onCancel={onClose}
    />
  );
}
