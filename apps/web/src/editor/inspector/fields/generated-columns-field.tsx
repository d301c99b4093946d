import { Group, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { z } from 'zod';

import type { GeneratedKind } from '@sluice/stages';
import { GENERATED_KIND_LABELS, GENERATED_KINDS, NEW_GENERATED_COLUMN } from '@sluice/stages';

import type { FieldProps } from './field-props';
import type { RowProblems } from './list-field';
import { ListField } from './list-field';
import { RowControls } from './row-controls';

/** The generated columns as the form edits them: lenient, so a malformed row keeps its place. */
const GeneratedDraftSchema = z
  .array(z.record(z.string(), z.unknown()).catch({ name: '', kind: 'uuid' }))
  .catch([]);

type GeneratedRow = z.infer<typeof GeneratedDraftSchema>[number];

const KIND_CHOICES = GENERATED_KINDS.map((kind) => ({
  value: kind,
  label: GENERATED_KIND_LABELS[kind],
}));

/** One number box of a row; an emptied box stays empty (and invalid) rather than 0. */
interface NumberBox {
  key: string;
  label: string;
  decimal?: boolean;
}

/** The number boxes of each kind, beside its name. */
const NUMBER_BOXES: Record<GeneratedKind, readonly NumberBox[]> = {
  sequence: [
    { key: 'start', label: 'start' },
    { key: 'step', label: 'step' },
  ],
  integer: [
    { key: 'min', label: 'min' },
    { key: 'max', label: 'max' },
  ],
  decimal: [
    { key: 'min', label: 'min', decimal: true },
    { key: 'max', label: 'max', decimal: true },
    { key: 'scale', label: 'digits after the point' },
  ],
  choice: [],
  date: [],
  uuid: [],
};

const kindOf = (row: GeneratedRow): GeneratedKind =>
  GENERATED_KINDS.find((kind) => kind === row.kind) ?? 'uuid';

/**
 * The columns a row generator makes: each a name and a kind, with the kind's own boxes (a
 * range, a scale, a list of values, two dates) under it, every box marked by its own problem.
 */
export function GeneratedColumnsField(props: FieldProps) {
  const { value, onChange } = props;
  const rows = GeneratedDraftSchema.parse(value);
  const set = (i: number, patch: GeneratedRow) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setKind = (i: number, kind: GeneratedKind) =>
    onChange(rows.map((r, j) => (j === i ? { name: r.name, ...NEW_GENERATED_COLUMN[kind] } : r)));
  return (
    <ListField
      field={props}
      rows={rows}
      empty="No columns yet: add one."
      name="generated"
      addLabel="Add column"
      onAdd={() => onChange([...rows, { name: '', ...NEW_GENERATED_COLUMN.integer }])}
      row={(row, i, problems) => (
        <>
          <Group gap={4} wrap="nowrap">
            <TextInput
              data-testid="generated-name"
              aria-label={`Column ${i + 1} name`}
              placeholder="name"
              value={typeof row.name === 'string' ? row.name : ''}
              error={problems.invalid('name')}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              size="xs"
              style={{ flex: 2 }}
            />
            <Select
              data-testid="generated-kind"
              aria-label={`Column ${i + 1} kind`}
              data={KIND_CHOICES}
              value={kindOf(row)}
              allowDeselect={false}
              onChange={(kind) => kind && setKind(i, kindOf({ kind }))}
              size="xs"
              style={{ flex: 3 }}
            />
            <RowControls
              items={rows}
              index={i}
              removeLabel={`Remove column ${i + 1}`}
              onChange={onChange}
            />
          </Group>
          <KindBoxes row={row} index={i} problems={problems} set={(patch) => set(i, patch)} />
        </>
      )}
    />
  );
}

function KindBoxes(props: {
  row: GeneratedRow;
  index: number;
  problems: RowProblems;
  set: (patch: GeneratedRow) => void;
}) {
  const { row, index, problems, set } = props;
  const kind = kindOf(row);
  const name = `Column ${index + 1}`;
  if (kind === 'choice') {
    const choices = Array.isArray(row.choices) ? row.choices.map(String) : [];
    return (
      <TagsInput
        aria-label={`${name} values`}
        placeholder="Type a value, then Enter"
        value={choices}
        error={problems.invalid('choices')}
        onChange={(next) => set({ choices: next })}
        size="xs"
      />
    );
  }
  if (kind === 'date') {
    return (
      <Group gap={4} wrap="nowrap">
        {(['from', 'to'] as const).map((key) => (
          <TextInput
            key={key}
            aria-label={`${name} ${key}`}
            placeholder={key === 'from' ? 'from YYYY-MM-DD' : 'to YYYY-MM-DD'}
            value={typeof row[key] === 'string' ? row[key] : ''}
            error={problems.invalid(key)}
            onChange={(e) => set({ [key]: e.currentTarget.value })}
            size="xs"
            style={{ flex: 1 }}
          />
        ))}
      </Group>
    );
  }
  const boxes = NUMBER_BOXES[kind];
  if (boxes.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {boxes.map((box) => {
        const current = row[box.key];
        return (
          <NumberInput
            key={box.key}
            aria-label={`${name} ${box.label}`}
            placeholder={box.label}
            value={typeof current === 'number' ? current : ''}
            error={problems.invalid(box.key)}
            allowDecimal={box.decimal === true}
            onChange={(next) => set({ [box.key]: typeof next === 'number' ? next : undefined })}
            size="xs"
            style={{ flex: 1 }}
          />
        );
      })}
    </Group>
  );
}
