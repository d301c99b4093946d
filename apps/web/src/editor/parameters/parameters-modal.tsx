import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

import type { ParameterType } from '@sluice/flow';
import { PARAMETER_TYPES } from '@sluice/flow';

import type { ParameterDraft } from './parameter-drafts';
import { useEditorStore } from '../store/editor-context';
import { draftOf, readDrafts } from './parameter-drafts';

const DEFAULT_OF_TYPE: Record<ParameterType, string> = {
  string: '',
  integer: '0',
  decimal: '0',
  date: new Date().toISOString().slice(0, 10),
  boolean: 'false',
};

/**
 * The flow's settings: its parameters (name, type, default, description), each field checked
 * by the document's schema as it is typed. Applying them is one undo step; a save keeps them.
 */
export function ParametersModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Flow settings" size="xl">
      {opened && <ParametersForm onDone={onClose} />}
    </Modal>
  );
}

function ParametersForm({ onDone }: { onDone: () => void }) {
  const parameters = useEditorStore((s) => s.parameters);
  const setParameters = useEditorStore((s) => s.setParameters);
  const [drafts, setDrafts] = useState<ParameterDraft[]>(() => parameters.map(draftOf));
  const read = readDrafts(drafts);
  const errors = read.ok ? {} : read.errors;
  const change = (i: number, patch: Partial<ParameterDraft>) =>
    setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const add = () =>
    setDrafts([
      ...drafts,
      { name: `param_${drafts.length + 1}`, type: 'string', default: '', description: '' },
    ]);
  return (
    <Stack>
      <div>
        <Text fw={600}>Parameters</Text>
        <Text size="sm" c="dimmed">
          {'Write ${name} in a file path, a condition, an expression, SQL or a table name; each run' +
            ' chooses the values, and SQL receives them as quoted values, never as raw text.'}
        </Text>
      </div>
      {drafts.length > 0 && (
        <Table verticalSpacing={4} data-testid="parameters-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th w={130}>Type</Table.Th>
              <Table.Th>Default</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {drafts.map((draft, i) => (
              <Table.Tr key={i} data-testid="parameter-row">
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <TextInput
                    aria-label="Parameter name"
                    data-testid="parameter-name"
                    value={draft.name}
                    error={errors[`${i}.name`]}
                    onChange={(e) => change(i, { name: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Select
                    aria-label="Parameter type"
                    data-testid="parameter-type"
                    data={[...PARAMETER_TYPES]}
                    value={draft.type}
                    allowDeselect={false}
                    onChange={(value) => {
                      const type = value ?? 'string';
                      change(i, { type, default: DEFAULT_OF_TYPE[type] });
                    }}
                  />
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <TextInput
                    aria-label="Parameter default"
                    data-testid="parameter-default"
                    value={draft.default}
                    error={errors[`${i}.default`]}
                    onChange={(e) => change(i, { default: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <TextInput
                    aria-label="Parameter description"
                    value={draft.description}
                    error={errors[`${i}.description`]}
                    onChange={(e) => change(i, { description: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label="Remove parameter"
                    onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          data-testid="add-parameter"
          onClick={add}
        >
          Add parameter
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button
            data-testid="apply-parameters"
            disabled={!read.ok}
            onClick={() => {
              if (!read.ok) return;
              setParameters(read.parameters);
              onDone();
            }}
          >
            Apply
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
