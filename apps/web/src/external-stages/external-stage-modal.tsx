import type { FormEvent } from 'react';
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type {
  ExternalStageFormValues,
  FieldErrors,
  StoredExternalStage,
} from './external-stage-form';
import type { SecretKey, SettingKey } from './external-stage-kinds';
import { trpc } from '../lib/trpc';
import {
  checkForm,
  initialValues,
  isClean,
  requestOf,
  withoutErrorsOf,
} from './external-stage-form';
import { ExternalStageLocationFields } from './external-stage-location-fields';
import { S3CredentialFields } from './s3-credential-fields';
import { serverRefusal } from './server-field-errors';

/** The stage being edited, or `'new'` to create one. */
export type ExternalStageDraft = 'new' | StoredExternalStage;

interface ExternalStageModalProps {
  draft: ExternalStageDraft | undefined;
  onClose: () => void;
}

/** Creates or edits an external stage. The server checks it again; its refusal shows in full. */
export function ExternalStageModal({ draft, onClose }: ExternalStageModalProps) {
  return (
    <Modal
      opened={draft !== undefined}
      onClose={onClose}
      title={draft === 'new' ? 'New external stage' : 'Edit external stage'}
      size="xl"
      centered
    >
      {draft !== undefined && <StageForm draft={draft} onClose={onClose} />}
    </Modal>
  );
}

function StageForm({ draft, onClose }: { draft: ExternalStageDraft; onClose: () => void }) {
  const stored = draft === 'new' ? undefined : draft;
  const [values, setValues] = useState(() => initialValues(stored));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string>();
  const list = useQuery(trpc.externalStage.list.queryOptions());
  const parents = (list.data ?? []).filter((s) => s.name !== stored?.name);
  const queryClient = useQueryClient();
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.externalStage.pathKey() });
      onClose();
    },
    onError: (e: unknown) => {
      const refusal = serverRefusal(e);
      setErrors(refusal.fields);
      setServerError(refusal.message);
    },
  };
  const create = useMutation(trpc.externalStage.create.mutationOptions(options));
  const update = useMutation(trpc.externalStage.update.mutationOptions(options));

  const set = (patch: Partial<ExternalStageFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => withoutErrorsOf(e, patch));
    setServerError(undefined);
  };
  const setSecret = (key: SecretKey, value: string | null) => {
    setValues((v) => ({ ...v, secrets: { ...v.secrets, [key]: value } }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const setSetting = (key: SettingKey, value: string) => {
    setValues((v) => ({ ...v, settings: { ...v.settings, [key]: value } }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setServerError(undefined);
    const found = checkForm(
      values,
      parents.map((p) => p.name),
    );
    setErrors(found);
    if (!isClean(found)) return;
    if (stored) update.mutate(requestOf(values));
    else create.mutate(requestOf(values));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          data-testid="external-stage-name-input"
          label="Name"
          description={
            stored
              ? 'The name cannot change: flows refer to it.'
              : 'Flows refer to it by this name; file settings show it as stage://name/…'
          }
          placeholder="landing"
          value={values.name}
          disabled={stored !== undefined}
          error={errors.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          data-autofocus={!stored || undefined}
        />
        <ExternalStageLocationFields values={values} errors={errors} parents={parents} set={set} />
        {values.kind === 's3' && (
          <S3CredentialFields
            values={values}
            errors={errors}
            secretsSet={stored?.secretsSet ?? []}
            setSecret={setSecret}
            setSetting={setSetting}
          />
        )}
        <Textarea
          data-testid="external-stage-comment-input"
          label="Comment"
          placeholder="What lands here and who drops it"
          autosize
          minRows={2}
          maxRows={5}
          value={values.comment}
          error={errors.comment}
          onChange={(e) => set({ comment: e.currentTarget.value })}
        />
        {serverError !== undefined && (
          <Alert
            color="red"
            icon={<IconAlertTriangle />}
            title="The server refused this external stage"
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
            {stored ? 'Save' : 'Create'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
