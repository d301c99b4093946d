import { ActionIcon, Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash, IconWand } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';

import type { Column } from '@sluice/stages';
import { COLUMN_TYPES } from '@sluice/stages';

import type { FieldContext, FieldProps } from './field-props';
import { errorMessage, trpc } from '../../../lib/trpc';
import { rowProblems } from './field-props';
import { RowMessages } from './row-messages';

const TYPE_OPTIONS = COLUMN_TYPES.map((t) => ({ value: t, label: t }));

/**
 * The columns as the form edits them. Lenient on purpose: a half-typed name must stay on screen
 * (the stage's own schema reports it), and a malformed row becomes an empty one rather than
 * shifting the row numbers diagnostics refer to.
 */
const ColumnsDraftSchema = z
  .array(
    z
      .object({
        name: z.string().catch(''),
        type: z.enum(COLUMN_TYPES).optional().catch(undefined),
      })
      .catch({ name: '' }),
  )
  .catch([]);

function asColumns(value: unknown): Column[] {
  return ColumnsDraftSchema.parse(value);
}

/** What `externalStage.detectColumns` needs: the file the stage reads and its format. */
function detectInput({ node }: FieldContext) {
  if (node?.op !== 'scan-file') return undefined;
  return { externalStage: node.file.externalStage, path: node.file.path, format: node.format };
}

/** Explicit columns (name + type), typed by hand or detected from the file. */
export function ColumnSchemaField(props: FieldProps) {
  const { hint, value, onChange, invalid, rowIssues, context } = props;
  const columns = asColumns(value);
  const detect = useMutation(
    trpc.externalStage.detectColumns.mutationOptions({
      onSuccess: (result) => onChange(result.columns),
      onError: (e) =>
        notifications.show({
          color: 'red',
          title: 'Could not detect columns',
          message: errorMessage(e),
        }),
    }),
  );
  const set = (i: number, patch: Partial<Column>) =>
    onChange(columns.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const input = detectInput(context);
  return (
    <Input.Wrapper label={hint.label} description={hint.help} error={invalid}>
      <Stack gap={6} mt={6}>
        {columns.length === 0 && (
          <Text size="xs" c="dimmed">
            No columns listed: they are detected when the flow runs.
          </Text>
        )}
        {columns.map((column, i) => {
          const problems = rowProblems(rowIssues, i);
          return (
            <Stack key={i} gap={2} data-testid="schema-row">
              <Group gap={6} wrap="nowrap">
                <TextInput
                  aria-label={`Column ${i + 1} name`}
                  value={column.name}
                  error={problems.invalid('name')}
                  onChange={(e) => set(i, { name: e.currentTarget.value })}
                  style={{ flex: 1 }}
                  size="xs"
                />
                <Select
                  aria-label={`Column ${i + 1} type`}
                  data={TYPE_OPTIONS}
                  value={column.type ?? null}
                  error={problems.invalid('type')}
                  onChange={(type) =>
                    set(i, { type: COLUMN_TYPES.find((t) => t === type) ?? 'VARCHAR' })
                  }
                  w={120}
                  size="xs"
                  allowDeselect={false}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove column ${i + 1}`}
                  onClick={() => onChange(columns.filter((_, j) => j !== i))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
              <RowMessages issues={problems.issues} testId="schema-error" />
            </Stack>
          );
        })}
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              onChange([...columns, { name: `column_${columns.length + 1}`, type: 'VARCHAR' }])
            }
          >
            Add column
          </Button>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconWand size={14} />}
            data-testid="detect-columns"
            loading={detect.isPending}
            disabled={!input}
            title={
              input
                ? 'Read the column names and types from the file'
                : 'Fix the settings marked in red first'
            }
            onClick={() => input && detect.mutate(input)}
          >
            Detect from file
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
