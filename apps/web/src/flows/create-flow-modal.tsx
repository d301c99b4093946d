import { Modal } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { navigate } from '../lib/router';
import { errorMessage, trpc } from '../lib/trpc';
import { FlowNameForm } from './flow-name-form';

/** Asks for a name, creates the flow and opens it. Enter submits; errors show under the name. */
export function CreateFlowModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.flow.create.mutationOptions({
      onSuccess: async (flow) => {
        await queryClient.invalidateQueries({ queryKey: trpc.flow.list.queryKey() });
        navigate(`/flows/${encodeURIComponent(flow.id)}`);
      },
    }),
  );
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New flow" centered>
      <FlowNameForm
        initialName=""
        placeholder="Paid orders to warehouse"
        submitLabel="Create"
        testIds={{ input: 'flow-name-input', submit: 'create-flow-submit' }}
        pending={create.isPending}
        serverError={create.error ? errorMessage(create.error) : undefined}
        onEdit={create.reset}
        onSubmit={(name) => create.mutate({ name })}
        onCancel={close}
      />
    </Modal>
  );
}
