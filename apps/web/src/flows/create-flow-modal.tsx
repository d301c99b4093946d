import type { FormEvent } from 'react';
import { useState } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { FlowNameSchema } from '@sluice/flow';

import { navigate } from '../lib/router';
import { errorMessage, trpc } from '../lib/trpc';

/** Asks for a name, creates the flow and opens it. Enter submits; errors show under the name. */
export function CreateFlowModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.flow.create.mutationOptions({
      onSuccess: async (flow) => {
        await queryClient.invalidateQueries({ queryKey: trpc.flow.list.queryKey() });
        navigate(`/flows/${encodeURIComponent(flow.id)}`);
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
    create.mutate({ name: parsed.data });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New flow" centered>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            data-testid="flow-name-input"
            label="Name"
            placeholder="Paid orders to warehouse"
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
            <Button type="submit" data-testid="create-flow-submit" loading={create.isPending}>
              Create
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
