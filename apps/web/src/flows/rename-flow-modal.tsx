import type { FormEvent } from 'react';
import { useState } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { FlowNameSchema } from '@sluice/flow';

import { errorMessage, trpc } from '../lib/trpc';

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
  const [name, setName] = useState(flow.name);
  const [error, setError] = useState<string>();
  const queryClient = useQueryClient();
  const rename = useMutation(
    trpc.flow.rename.mutationOptions({
      onSuccess: async (record) => {
        await queryClient.invalidateQueries({ queryKey: trpc.flow.pathKey() });
        onRenamed?.(record.name);
        onClose();
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = FlowNameSchema.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter a name.');
      return;
    }
    rename.mutate({ id: flow.id, name: parsed.data });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          data-testid="rename-flow-input"
          label="Name"
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" data-testid="rename-flow-submit" loading={rename.isPending}>
            Rename
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
