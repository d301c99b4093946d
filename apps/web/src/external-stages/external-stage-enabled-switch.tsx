import { Group, Switch, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { errorMessage, trpc } from '../lib/trpc';

interface ExternalStageEnabledSwitchProps {
  name: string;
  enabled: boolean;
}

/**
 * Turns an external stage on or off; flows that use a disabled one are refused until it is on
 * again. The server's refusal (MatrixOne's, on its own stage) shows under the switch.
 */
export function ExternalStageEnabledSwitch({ name, enabled }: ExternalStageEnabledSwitchProps) {
  const queryClient = useQueryClient();
  const change = useMutation(
    trpc.externalStage.setEnabled.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.externalStage.pathKey() }),
    }),
  );
  return (
    <>
      <Group gap={6} wrap="nowrap">
        <Switch
          size="sm"
          checked={enabled}
          disabled={change.isPending}
          aria-label={`${name} is in use`}
          data-testid="external-stage-enabled"
          onChange={(event) => change.mutate({ name, enabled: event.currentTarget.checked })}
        />
        <Text size="sm" c={enabled ? undefined : 'dimmed'} data-testid="external-stage-status">
          {enabled ? 'In use' : 'Disabled'}
        </Text>
      </Group>
      {change.isError && (
        <Text size="xs" c="red" mt={4} data-testid="external-stage-enabled-error">
          {errorMessage(change.error)}
        </Text>
      )}
    </>
  );
}
