import { Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { z } from 'zod';

import type { FieldProps } from './field-props';
import { rowProblems } from './field-props';
import { RowControls } from './row-controls';
import { RowMessages } from './row-messages';

/**
 * The mappings as the form edits them. Lenient on purpose, like the column schema field: names
 * being typed stay on screen, and a malformed row becomes an empty one, keeping row numbers.
 */
const MappingsDraftSchema = z
  .array(
    z
      .object({ source: z.string().catch(''), as: z.string().optional().catch(undefined) })
      .catch({ source: '' }),
  )
  .catch([]);

type Mapping = z.infer<typeof MappingsDraftSchema>[number];

function asMappings(value: unknown): Mapping[] {
  return MappingsDraftSchema.parse(value);
}

/** Output columns picked from the input columns, renamed and ordered. */
export function ColumnMappingsField(props: FieldProps) {
  const { hint, value, onChange, invalid, rowIssues, context } = props;
  const mappings = asMappings(value);
  const available = context.inputColumns?.map((c) => c.name);
  const set = (i: number, patch: Partial<Mapping>) =>
    onChange(mappings.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const unused = available?.find((name) => !mappings.some((m) => m.source === name));
  return (
    <Input.Wrapper label={hint.label} description={hint.help} error={invalid}>
      <Stack gap={6} mt={6}>
        {mappings.length === 0 && (
          <Text size="xs" c="dimmed">
            No columns listed: every input column passes through.
          </Text>
        )}
        {mappings.map((mapping, i) => {
          const problems = rowProblems(rowIssues, i);
          return (
            <Stack key={i} gap={2} data-testid="mapping-row">
              <Group gap={4} wrap="nowrap">
                {available ? (
                  <Select
                    data-testid="mapping-source"
                    aria-label={`Column ${i + 1} source`}
                    data={
                      available.includes(mapping.source) || !mapping.source
                        ? available
                        : [...available, mapping.source]
                    }
                    value={mapping.source || null}
                    error={problems.invalid('source')}
                    allowDeselect={false}
                    onChange={(source) => set(i, { source: source ?? '' })}
                    searchable
                    size="xs"
                    style={{ flex: 1 }}
                  />
                ) : (
                  <TextInput
                    data-testid="mapping-source"
                    aria-label={`Column ${i + 1} source`}
                    placeholder="input column"
                    value={mapping.source}
                    error={problems.invalid('source')}
                    onChange={(e) => set(i, { source: e.currentTarget.value })}
                    size="xs"
                    style={{ flex: 1 }}
                  />
                )}
                <TextInput
                  data-testid="mapping-as"
                  aria-label={`Column ${i + 1} output name`}
                  placeholder="same name"
                  value={mapping.as ?? ''}
                  error={problems.invalid('as')}
                  onChange={(e) => set(i, { as: e.currentTarget.value })}
                  size="xs"
                  style={{ flex: 1 }}
                />
                <RowControls
                  items={mappings}
                  index={i}
                  removeLabel={`Remove column ${i + 1}`}
                  onChange={onChange}
                />
              </Group>
              <RowMessages issues={problems.issues} testId="mapping-error" />
            </Stack>
          );
        })}
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            data-testid="add-mapping"
            onClick={() => onChange([...mappings, { source: unused ?? '' }])}
          >
            Add column
          </Button>
          {available && available.length > 0 && mappings.length === 0 && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => onChange(available.map((source) => ({ source })))}
            >
              Add all input columns
            </Button>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
