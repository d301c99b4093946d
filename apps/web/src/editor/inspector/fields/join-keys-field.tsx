import { Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { z } from 'zod';

import type { FieldProps } from './field-props';
import { choicesWith, pickableColumns, rowProblems } from './field-props';
import { RowControls } from './row-controls';
import { RowMessages } from './row-messages';

/** The key pairs as the form edits them: lenient, so a malformed row stays a row and keeps its number. */
const KeysDraftSchema = z
  .array(
    z
      .object({ left: z.string().catch(''), right: z.string().catch('') })
      .catch({ left: '', right: '' }),
  )
  .catch([]);

type KeyPair = z.infer<typeof KeysDraftSchema>[number];
type Side = keyof KeyPair;

/**
 * Key pairs of a join: per row a column of the first input port and one of the second, each
 * picked from that port's columns (typed while they are not known).
 */
export function JoinKeysField(props: FieldProps) {
  const { hint, value, onChange, invalid, rowIssues, context } = props;
  const keys = KeysDraftSchema.parse(value);
  const columns: Record<Side, string[] | undefined> = {
    left: pickableColumns(context, { port: context.ports[0] }),
    right: pickableColumns(context, { port: context.ports[1] }),
  };
  const set = (i: number, patch: Partial<KeyPair>) =>
    onChange(keys.map((k, j) => (j === i ? { ...k, ...patch } : k)));
  // A new row offers the first name both inputs have that no row pairs yet.
  const shared = columns.left?.find(
    (name) => columns.right?.includes(name) && !keys.some((k) => k.left === name),
  );
  return (
    <Input.Wrapper label={hint.label} description={hint.help} error={invalid}>
      <Stack gap={6} mt={6}>
        {keys.length === 0 && (
          <Text size="xs" c="dimmed">
            No key pairs yet: add one to say which rows match.
          </Text>
        )}
        {keys.map((key, i) => {
          const problems = rowProblems(rowIssues, i);
          const picker = (side: Side) => (
            <KeyColumn
              side={side}
              row={i}
              value={key[side]}
              available={columns[side]}
              error={problems.invalid(side)}
              onChange={(column) => set(i, { [side]: column })}
            />
          );
          return (
            <Stack key={i} gap={2} data-testid="join-key-row">
              <Group gap={4} wrap="nowrap">
                {picker('left')}
                <Text size="xs" c="dimmed">
                  =
                </Text>
                {picker('right')}
                <RowControls
                  items={keys}
                  index={i}
                  removeLabel={`Remove key pair ${i + 1}`}
                  onChange={onChange}
                />
              </Group>
              <RowMessages issues={problems.issues} testId="join-key-error" />
            </Stack>
          );
        })}
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          data-testid="add-join-key"
          onClick={() => onChange([...keys, { left: shared ?? '', right: shared ?? '' }])}
          style={{ alignSelf: 'flex-start' }}
        >
          Add key pair
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}

/** One side's column of a key pair: picked from that side's columns, or typed. */
function KeyColumn(props: {
  side: Side;
  row: number;
  value: string;
  available: string[] | undefined;
  error: boolean;
  onChange: (column: string) => void;
}) {
  const { side, row, value, available, error, onChange } = props;
  const common = {
    'data-testid': `join-key-${side}`,
    'aria-label': `Key pair ${row + 1} ${side} column`,
    error,
    size: 'xs',
    style: { flex: 1 },
  } as const;
  if (!available) {
    return (
      <TextInput
        {...common}
        placeholder={`${side} column`}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <Select
      {...common}
      placeholder={`${side} column`}
      data={choicesWith(available, [value])}
      value={value || null}
      allowDeselect={false}
      searchable
      onChange={(column) => onChange(column ?? '')}
    />
  );
}
