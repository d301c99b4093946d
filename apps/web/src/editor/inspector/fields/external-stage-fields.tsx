import { Autocomplete, Select } from '@mantine/core';
import { skipToken, useQuery } from '@tanstack/react-query';

import type { FieldProps } from './field-props';
import { trpc } from '../../../lib/trpc';
import { asText, keyOfWidget } from './field-props';

/** Picks an external stage by name; a name that no longer exists still shows, flagged by diagnostics. */
export function ExternalStageField({ hint, value, onChange, invalid }: FieldProps) {
  const list = useQuery(trpc.externalStage.list.queryOptions());
  const current = asText(value);
  const names = list.data?.map((s) => ({ value: s.name, label: s.name })) ?? [];
  if (current && !names.some((n) => n.value === current))
    names.push({ value: current, label: current });
  const url = list.data?.find((s) => s.name === current)?.url;
  return (
    <Select
      label={hint.label}
      description={url ?? hint.help}
      placeholder={list.isPending ? 'Loading…' : 'Pick an external stage'}
      data={names}
      value={current || null}
      error={invalid}
      searchable
      nothingFoundMessage="No external stage by that name"
      onChange={(next) => onChange(next ?? '')}
    />
  );
}

/** A path inside the stage's chosen external stage, suggested from the files it holds. */
export function FilePathField({ hint, value, onChange, invalid, context }: FieldProps) {
  const stageKey = keyOfWidget(context, 'external-stage');
  const externalStage = stageKey ? asText(context.config[stageKey]) : '';
  const files = useQuery(
    trpc.externalStage.files.queryOptions(externalStage ? { name: externalStage } : skipToken, {
      retry: false,
    }),
  );
  return (
    <Autocomplete
      label={hint.label}
      description={hint.help}
      placeholder={hint.placeholder ?? 'folder/file.csv'}
      data={files.data?.map((f) => f.path) ?? []}
      value={asText(value)}
      error={invalid}
      limit={50}
      onChange={onChange}
    />
  );
}
