import type { FormEvent } from 'react';
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { ExternalStageNameSchema } from '@sluice/stages';

import { errorMessage, trpc } from '../lib/trpc';

/** The stage being edited, or `'new'` to create one. */
export type ExternalStageDraft = 'new' | { name: string; url: string; comment: string };

interface ExternalStageModalProps {
  draft: ExternalStageDraft | undefined;
  onClose: () => void;
}

/** Creates or edits an external stage. The server checks the folder; its refusal shows in full. */
export function ExternalStageModal({ draft, onClose }: ExternalStageModalProps) {
  return (
    <Modal
      opened={draft !== undefined}
      onClose={onClose}
      title={draft === 'new' ? 'New external stage' : 'Edit external stage'}
      size="lg"
      centered
    >
      {draft !== undefined && <StageForm draft={draft} onClose={onClose} />}
    </Modal>
  );
}

function StageForm({ draft, onClose }: { draft: ExternalStageDraft; onClose: () => void }) {
  const creating = draft === 'new';
  const [name, setName] = useState(creating ? '' : draft.name);
  const [url, setUrl] = useState(creating ? '' : draft.url);
  const [comment, setComment] = useState(creating ? '' : draft.comment);
  const [nameError, setNameError] = useState<string>();
  const [serverError, setServerError] = useState<string>();
  const queryClient = useQueryClient();
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.externalStage.pathKey() });
      onClose();
    },
    onError: (e: unknown) => setServerError(errorMessage(e)),
  };
  const create = useMutation(trpc.externalStage.create.mutationOptions(options));
  const update = useMutation(trpc.externalStage.update.mutationOptions(options));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setServerError(undefined);
    // The shared schema speaks to someone picking a stage; here the person is naming one.
    if (name.trim() === '') {
      setNameError('Enter a name.');
      return;
    }
    const parsed = ExternalStageNameSchema.safeParse(name);
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message ?? 'Enter a name.');
      return;
    }
    if (creating) create.mutate({ name: parsed.data, url, comment });
    else update.mutate({ name: parsed.data, url, comment });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          data-testid="external-stage-name-input"
          label="Name"
          description={
            creating
              ? 'Flows refer to it by this name; file settings show it as stage://name/…'
              : 'The name cannot change: flows refer to it.'
          }
          placeholder="landing"
          value={name}
          disabled={!creating}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setNameError(undefined);
          }}
          error={nameError}
          data-autofocus={creating || undefined}
        />
        <TextInput
          data-testid="external-stage-url-input"
          label="URL"
          description="A folder on the server, inside the roots it allows."
          placeholder="file:///absolute/folder/"
          value={url}
          required
          onChange={(e) => {
            setUrl(e.currentTarget.value);
            setServerError(undefined);
          }}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-autofocus={!creating || undefined}
        />
        <Textarea
          data-testid="external-stage-comment-input"
          label="Comment"
          placeholder="What lands here and who drops it"
          autosize
          minRows={2}
          maxRows={5}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        {serverError !== undefined && (
          <Alert
            color="red"
            icon={<IconAlertTriangle />}
            title="The server refused this stage"
            data-testid="external-stage-error"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          >
            {serverError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            data-testid="external-stage-submit"
            loading={create.isPending || update.isPending}
          >
            {creating ? 'Create' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
