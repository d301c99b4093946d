import { useState } from 'react';
import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';

import type { Parameter, ParameterInput } from '@sluice/flow';
import { readParameterValue } from '@sluice/flow';

import { useEditorStore } from '../store/editor-context';

/**
 * Chooses the values of the flow's parameters for one run, starting from the values chosen
 * last (or the defaults); each value is read for its type as the server will read it.
 */
export function RunParametersDialog({
  opened,
  onClose,
  onRun,
}: {
  opened: boolean;
  onClose: () => void;
  onRun: (values: Record<string, ParameterInput>) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Run with parameters">
      {opened && <RunParametersForm onClose={onClose} onRun={onRun} />}
    </Modal>
  );
}

function RunParametersForm({
  onClose,
  onRun,
}: {
  onClose: () => void;
  onRun: (values: Record<string, ParameterInput>) => void;
}) {
  const parameters = useEditorStore((s) => s.parameters);
  const chosen = useEditorStore((s) => s.parameterValues);
  const setParameterValues = useEditorStore((s) => s.setParameterValues);
  const [values, setValues] = useState<Record<string, ParameterInput>>(() =>
    Object.fromEntries(parameters.map((p) => [p.name, chosen[p.name] ?? p.default])),
  );
  const problemOf = (p: Parameter) => {
    const read = readParameterValue(p.type, values[p.name]);
    return read.ok ? undefined : read.message;
  };
  const valid = parameters.every((p) => problemOf(p) === undefined);
  const run = (given: Record<string, ParameterInput>) => {
    setParameterValues(given);
    onRun(given);
    onClose();
  };
  return (
    <Stack>
      {parameters.map((p) =>
        p.type === 'boolean' ? (
          <Switch
            key={p.name}
            label={p.name}
            description={p.description}
            data-testid={`run-parameter-${p.name}`}
            checked={String(values[p.name]) === 'true'}
            onChange={(e) => setValues({ ...values, [p.name]: e.currentTarget.checked })}
          />
        ) : (
          <TextInput
            key={p.name}
            label={`${p.name} (${p.type})`}
            description={p.description}
            data-testid={`run-parameter-${p.name}`}
            value={String(values[p.name] ?? '')}
            error={problemOf(p)}
            onChange={(e) => setValues({ ...values, [p.name]: e.currentTarget.value })}
          />
        ),
      )}
      <Group justify="space-between">
        <Button variant="default" data-testid="run-with-defaults" onClick={() => run({})}>
          Run with defaults
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button data-testid="run-with-parameters" disabled={!valid} onClick={() => run(values)}>
            Run
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
