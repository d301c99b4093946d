import { Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { z } from 'zod';

import type { FieldProps } from './field-props';
import { rowProblems } from './field-props';
import { RowControls } from './row-controls';
import { RowMessages } from './row-messages';

/** The keys as the form edits them: lenient, so a malformed row stays a row and keeps its number. */
const KeysDraftSchema = z
  .array(
    z
      .object({
        column: z.string().catch(''),
        direction: z.enum(['asc', 'desc']).catch('asc'),
        nulls: z.enum(['first', 'last']).catch('last'),
      })
      .catch({ column: '', direction: 'asc', nulls: 'last' }),
  )
  .catch([]);

type SortKey = z.infer<typeof KeysDraftSchema>[number];

const DIRECTIONS = [
  { value: 'asc', label: 'Ascending' },
  { value: 'desc', label: 'Descending' },
];
const NULLS = [
  { value: 'first', label: 'NULLs first' },
  { value: 'last', label: 'NULLs last' },
];

/** Sort keys: input columns picked from a list, each with its direction and NULL placement. */
export function SortKeysField(props: FieldProps) {
  const { hint, value, onChange, invalid, rowIssues, context } = props;
  const keys = KeysDraftSchema.parse(value);
  const available = context.inputColumns?.map((c) => c.name);
  const set = (i: number, patch: Partial<SortKey>) =>
    onChange(keys.map((k, j) => (j === i ? { ...k, ...patch } : k)));
  const unused = available?.find((name) => !keys.some((k) => k.column === name));
  return (
    <Input.Wrapper label={hint.label} description={hint.help} error={invalid}>
      <Stack gap={6} mt={6}>
        {keys.length === 0 && (
          <Text size="xs" c="dimmed">
            No keys: rows keep the order they arrive in.
          </Text>
        )}
        {keys.map((key, i) => {
          const problems = rowProblems(rowIssues, i);
          return (
            <Stack key={i} gap={2} data-testid="sort-key-row">
              <Group gap={4} wrap="nowrap">
                {available ? (
                  <Select
                    data-testid="sort-key-column"
                    aria-label={`Sort key ${i + 1} column`}
                    data={
                      available.includes(key.column) || !key.column
                        ? available
                        : [...available, key.column]
                    }
                    value={key.column || null}
                    error={problems.invalid('column')}
                    allowDeselect={false}
                    onChange={(column) => set(i, { column: column ?? '' })}
                    searchable
                    size="xs"
                    style={{ flex: 2 }}
                  />
                ) : (
                  <TextInput
                    data-testid="sort-key-column"
                    aria-label={`Sort key ${i + 1} column`}
                    placeholder="input column"
                    value={key.column}
                    error={problems.invalid('column')}
                    onChange={(e) => set(i, { column: e.currentTarget.value })}
                    size="xs"
                    style={{ flex: 2 }}
                  />
                )}
                <Select
                  data-testid="sort-key-direction"
                  aria-label={`Sort key ${i + 1} direction`}
                  data={DIRECTIONS}
                  value={key.direction}
                  allowDeselect={false}
                  onChange={(direction) =>
                    set(i, { direction: direction === 'desc' ? 'desc' : 'asc' })
                  }
                  size="xs"
                  style={{ flex: 1.5 }}
                />
                <Select
                  data-testid="sort-key-nulls"
                  aria-label={`Sort key ${i + 1} NULLs`}
                  data={NULLS}
                  value={key.nulls}
                  allowDeselect={false}
                  onChange={(nulls) => set(i, { nulls: nulls === 'first' ? 'first' : 'last' })}
                  size="xs"
                  style={{ flex: 1.5 }}
                />
                <RowControls
                  items={keys}
                  index={i}
                  removeLabel={`Remove sort key ${i + 1}`}
                  onChange={onChange}
                />
              </Group>
              <RowMessages issues={problems.issues} testId="sort-key-error" />
            </Stack>
          );
        })}
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          data-testid="add-sort-key"
          onClick={() =>
            onChange([...keys, { column: unused ?? '', direction: 'asc', nulls: 'last' }])
          }
          style={{ alignSelf: 'flex-start' }}
        >
          Add key
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
