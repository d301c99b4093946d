import type { ReactNode } from 'react';
import { Menu, Text } from '@mantine/core';

import type { ShortcutId } from '../shortcuts/shortcut-table';
import { shortcutLabel } from '../shortcuts/shortcut-table';

interface MenuEntryProps {
  children: ReactNode;
  onClick: () => void;
  /** The shortcut that does the same, shown beside the entry from the one shortcut table. */
  shortcut?: ShortcutId;
  icon?: ReactNode;
  color?: string | undefined;
  testId: string;
}

/** One entry of a canvas context menu, with the keys that do the same. */
export function MenuEntry({ children, onClick, shortcut, icon, color, testId }: MenuEntryProps) {
  return (
    <Menu.Item
      leftSection={icon}
      color={color}
      onClick={onClick}
      data-testid={`menu-${testId}`}
      rightSection={
        shortcut && (
          <Text size="xs" c="dimmed" ff="monospace">
            {shortcutLabel(shortcut)}
          </Text>
        )
      }
    >
      {children}
    </Menu.Item>
  );
}
