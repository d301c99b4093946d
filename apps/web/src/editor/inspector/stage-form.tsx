import { Stack, Text } from '@mantine/core';

import type { Diagnostic } from '@sluice/flow';
import type { FieldHint, InputColumns, StageDefinition, StageNode } from '@sluice/stages';

import type { FieldContext } from './fields/field-props';
import { FIELD_WIDGETS } from './fields/field-widgets';

type Hint = FieldHint<Record<string, unknown>>;

interface StageFormProps {
  definition: StageDefinition;
  stageId: string;
  config: Record<string, unknown>;
  /** Diagnostics of this stage that point at a field (`path[0]` is the field key, then rows). */
  issues: readonly Diagnostic[];
  /** Columns arriving on each linked input port; unlinked ports are absent. */
  inputs: InputColumns;
  /** What the analysis compiled the stage to; absent while its config is invalid. */
  node: StageNode | undefined;
  onChange: (patch: Record<string, unknown>) => void;
}

/**
 * The form of any stage, generated from its stage type's `ui.fields` in order. Each widget comes
 * from the widget map; visibility from the type's own `hiddenWhen`. Nothing here names a type.
 */
export function StageForm(props: StageFormProps) {
  const { definition, stageId, config, issues, inputs, node, onChange } = props;
  const firstPort = definition.ports.inputs[0];
  const fields: Readonly<Record<string, Hint | undefined>> = definition.ui.fields;
  const context: FieldContext = {
    stageId,
    config,
    fields,
    inputColumns: firstPort === undefined ? undefined : inputs[firstPort],
    inputs,
    ports: definition.ports.inputs,
    node,
    setField: (key, value) => onChange({ [key]: value }),
    setConfig: onChange,
  };
  return (
    <Stack gap="md">
      {Object.entries(fields).map(([key, hint]) => {
        if (!hint || hint.hiddenWhen?.(config)) return null;
        const Widget = FIELD_WIDGETS[hint.widget];
        const onField = issues.filter((d) => d.path?.[0] === key && d.path.length === 1);
        const inRows = issues.filter((d) => d.path?.[0] === key && d.path.length > 1);
        const errors = onField.filter((d) => d.severity === 'error').map((d) => d.message);
        const warnings = onField.filter((d) => d.severity !== 'error').map((d) => d.message);
        return (
          <div key={key} data-testid={`field-${key}`}>
            <Widget
              fieldKey={key}
              hint={hint}
              value={config[key]}
              invalid={errors.length > 0}
              rowIssues={inRows}
              context={context}
              onChange={(value) => onChange({ [key]: value })}
            />
            <FieldMessages testId={`field-error-${key}`} color="red" messages={errors} />
            <FieldMessages testId={`field-warning-${key}`} color="yellow.8" messages={warnings} />
          </div>
        );
      })}
    </Stack>
  );
}

/** The errors (red) or warnings (yellow) under one field; nothing when there are none. */
function FieldMessages(props: { testId: string; color: string; messages: readonly string[] }) {
  if (props.messages.length === 0) return null;
  return (
    <Stack gap={2} mt={4} data-testid={props.testId}>
      {props.messages.map((message) => (
        <Text key={message} size="xs" c={props.color}>
          {message}
        </Text>
      ))}
    </Stack>
  );
}
