import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconTopologyStar3 } from '@tabler/icons-react';

import { Link } from './router';
import { TargetBadge } from './target-badge';
import { ThemeToggle } from './theme-toggle';

/** The header of the flow list: brand, target, theme toggle. */
export function AppHeader() {
  return (
    <Group
      justify="space-between"
      px="lg"
      h={56}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Link href="/" style={{ textDecoration: 'none', color: 'inherit' }}>
        <Group gap="xs">
          <ThemeIcon variant="light" radius="md">
            <IconTopologyStar3 size={18} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            Sluice
          </Text>
        </Group>
      </Link>
      <Group gap="sm">
        <TargetBadge />
        <ThemeToggle />
      </Group>
    </Group>
  );
}
