import type { FormEvent } from 'react';
import { useState } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';

import { FlowNameSchema } from '@sluice/flow';

interface FlowNameFormProps {
  initialName: string;
  placeholder?: string;
  submitLabel: string;
  /** Test ids of the name input and the submit button. */
  testIds: { input: string; submit: string };
  pending: boolean;
  /** The server's refusal of the last submit, shown under the name until it is edited. */
  serverError: string | undefined;
  onEdit: () => void;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}

/** A flow name checked with the document's own rule before it is sent. Enter submits. */
export function FlowNameForm(props: FlowNameFormProps) {
  const [name, setName] = useState(props.initialName);
  const [invalid, setInvalid] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = FlowNameSchema.safeParse(name);
    if (parsed.success) props.onSubmit(parsed.data);
    else setInvalid(parsed.error.issues[0]?.message ?? 'Enter a name.');
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          data-testid={props.testIds.input}
          label="Name"
          placeholder={props.placeholder}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setInvalid(undefined);
            props.onEdit();
          }}
          error={invalid ?? props.serverError}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" data-testid={props.testIds.submit} loading={props.pending}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
