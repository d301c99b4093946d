import { Button, Group, Input, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { z } from 'zod';

import { castTypeOf } from '@sluice/stages';

import type { FieldProps } from './field-props';
import { CastTypeDraftSchema, CastTypeInput } from './cast-type-input';
import { pickableColumns, rowProblems } from './field-props';
import { RowColumnInput } from './row-column-input';
import { RowControls } from './row-controls';
import { RowMessages } from './row-messages';

/** The casts as the form edits them: lenient, so a malformed row stays a row and keeps its number. */
const CastsDraftSchema = z
  .array(
    z
      .object({ column: z.string().catch(''), type: CastTypeDraftSchema.catch(castTypeOf('text')) })
      .catch({ column: '', type: castTypeOf('text') }),
  )
  .catch([]);

type CastRow = z.infer<typeof CastsDraftSchema>[number];

/** Casts: input columns picked from a list, each with the portable type it becomes. */
export function CastColumnsField(props: FieldProps) {
  const { hint, value, onChange, invalid, rowIssues, context } = props;
  const rows = CastsDraftSchema.parse(value);
  const available = pickableColumns(context, hint);
  const set = (i: number, patch: Partial<CastRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unused = available?.find((name) => !rows.some((r) => r.column === name));
  return (
    <Input.Wrapper label={hint.label} description={hint.help} error={invalid}>
      <Stack gap={6} mt={6}>
        {rows.length === 0 && (
          <Text size="xs" c="dimmed">
            No casts: every column passes through with its type.
          </Text>
        )}
        {rows.map((row, i) => {
          const problems = rowProblems(rowIssues, i);
          return (
            <Stack key={i} gap={2} data-testid="cast-row">
              <Group gap={4} wrap="nowrap">
                <RowColumnInput
                  value={row.column}
                  available={available}
                  label={`Cast ${i + 1} column`}
                  testId="cast-column"
                  invalid={problems.invalid('column')}
                  onChange={(column) => set(i, { column })}
                />
                <CastTypeInput
                  value={row.type}
                  label={`Cast ${i + 1} type`}
                  invalid={problems.invalid('type')}
                  onChange={(type) => set(i, { type: type ?? castTypeOf('text') })}
                />
                <RowControls
                  items={rows}
                  index={i}
                  removeLabel={`Remove cast ${i + 1}`}
                  onChange={onChange}
                />
              </Group>
              <RowMessages issues={problems.issues} testId="cast-error" />
            </Stack>
          );
        })}
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          data-testid="add-cast"
          onClick={() => onChange([...rows, { column: unused ?? '', type: castTypeOf('integer') }])}
          style={{ alignSelf: 'flex-start' }}
        >
          Add cast
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
