import {
  Code,
  Group,
  Input,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';

import type { ExternalStageFormValues, FieldErrors } from './external-stage-form';
import type { ExternalStageKind } from './external-stage-kinds';
import { urlOf } from './external-stage-form';
import { EXTERNAL_STAGE_KINDS, KIND_INFO } from './external-stage-kinds';

interface LocationFieldsProps {
  values: ExternalStageFormValues;
  errors: FieldErrors;
  /** External stages a sub-stage can live in: every one but the stage being edited. */
  parents: readonly { name: string; url: string }[];
  set: (patch: Partial<ExternalStageFormValues>) => void;
}

const monospace = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** Where the external stage points: its kind, then a URL, or a parent and a folder inside it. */
export function ExternalStageLocationFields({ values, errors, parents, set }: LocationFieldsProps) {
  const info = KIND_INFO[values.kind];
  return (
    <Stack gap="sm">
      <Input.Wrapper label="Kind" description={info.help}>
        <SegmentedControl
          mt={6}
          fullWidth
          data-testid="external-stage-kind"
          value={values.kind}
          data={EXTERNAL_STAGE_KINDS.map((kind) => ({ value: kind, label: KIND_INFO[kind].label }))}
          onChange={(kind) => set({ kind: EXTERNAL_STAGE_KINDS.find((k) => k === kind) ?? 'file' })}
        />
      </Input.Wrapper>
      {values.kind === 'stage' ? (
        <SubStageFields values={values} errors={errors} parents={parents} set={set} />
      ) : (
        <UrlField kind={values.kind} values={values} error={errors.url} set={set} />
      )}
    </Stack>
  );
}

function UrlField(props: {
  kind: Exclude<ExternalStageKind, 'stage'>;
  values: ExternalStageFormValues;
  error: string | undefined;
  set: LocationFieldsProps['set'];
}) {
  const { kind, values, error, set } = props;
  const key = kind === 'file' ? 'fileUrl' : 's3Url';
  return (
    <TextInput
      data-testid="external-stage-url-input"
      label="URL"
      placeholder={KIND_INFO[kind].placeholder}
      value={values[key]}
      error={error}
      styles={monospace}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
    />
  );
}

function SubStageFields({ values, errors, parents, set }: LocationFieldsProps) {
  const parentUrl = parents.find((p) => p.name === values.parent)?.url;
  return (
    <Stack gap={6}>
      <Group grow align="flex-start">
        <Select
          data-testid="external-stage-parent"
          label="Parent external stage"
          placeholder="Pick one"
          data={parents.map((p) => ({ value: p.name, label: p.name }))}
          value={values.parent || null}
          error={errors.parent}
          searchable
          nothingFoundMessage="No external stage by that name"
          onChange={(parent) => set({ parent: parent ?? '' })}
        />
        <TextInput
          data-testid="external-stage-sub-path"
          label="Folder inside it"
          placeholder="daily/"
          value={values.subPath}
          error={errors.subPath}
          styles={monospace}
          onChange={(e) => set({ subPath: e.currentTarget.value })}
        />
      </Group>
      <Text size="xs" c="dimmed">
        URL: <Code>{values.parent === '' ? KIND_INFO.stage.placeholder : urlOf(values)}</Code>
        {parentUrl !== undefined && <>, inside {parentUrl}</>}
      </Text>
    </Stack>
  );
}
