import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';

import { FlowNameSchema } from '@sluice/flow';

import { errorMessage, trpc, trpcClient } from '../../lib/trpc';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context';
import { selectName } from '../store/selectors';

/** The flow's name; click to rename in place (Enter keeps, Escape drops). */
export function FlowTitle() {
  const name = useEditorStore(selectName);
  const store = useEditorStoreApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string>();
  const [error, setError] = useState(false);
  // Escape unmounts the input; a blur fired on the way out must not rename.
  const dropped = useRef(false);

  const fail = (message: string | undefined) => {
    setError(true);
    notifications.show({ color: 'red', title: 'Not renamed', message });
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (draft === undefined || dropped.current) return;
    const parsed = FlowNameSchema.safeParse(draft);
    if (!parsed.success) return fail(parsed.error.issues[0]?.message);
    if (parsed.data === name) return setDraft(undefined);
    try {
      const record = await trpcClient.flow.rename.mutate({
        id: store.getState().flowId,
        name: parsed.data,
      });
      store.getState().setName(record.name);
      setDraft(undefined);
      void queryClient.invalidateQueries({ queryKey: trpc.flow.pathKey() });
    } catch (e) {
      fail(errorMessage(e));
    }
  };

  if (draft === undefined) {
    return (
      <Tooltip label="Rename">
        <UnstyledButton
          onClick={() => {
            dropped.current = false;
            setDraft(name);
          }}
          style={{ minWidth: 0 }}
        >
          <Title order={4} data-testid="flow-title" lineClamp={1}>
            {name}
          </Title>
        </UnstyledButton>
      </Tooltip>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)}>
      <TextInput
        aria-label="Flow name"
        data-testid="flow-title-input"
        value={draft}
        autoFocus
        error={error}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          setError(false);
        }}
        onBlur={() => void submit()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            dropped.current = true;
            setDraft(undefined);
            setError(false);
          }
        }}
        w={320}
      />
    </form>
  );
}
