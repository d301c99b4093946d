import { Badge } from '@mantine/core';

import type { ExecutorPlacement, StageDefinition } from '@sluice/stages';

const PLACEMENT_TEXT: Record<ExecutorPlacement, string> = {
  inside: 'inside the write',
  'after-commit': 'runs after commit',
};

/**
 * Where an executor runs, on its node: inside the run's transaction (undone with the run), or
 * after the run commits (kept whatever follows); until a choice is made, that it needs one.
 */
export function ExecutorBadge({
  definition,
  config,
}: {
  definition: StageDefinition;
  config: Record<string, unknown>;
}) {
  const parsed = definition.config.safeParse(config);
  const placement = parsed.success ? definition.ui.placement?.(parsed.data) : undefined;
  return (
    <Badge
      mt={6}
      size="xs"
      variant="light"
      color={placement === 'inside' ? 'grape' : placement ? 'teal' : 'orange'}
      data-testid="executor-placement"
    >
      {placement ? PLACEMENT_TEXT[placement] : 'choose where it runs'}
    </Badge>
  );
}
