import type { ReactNode } from 'react';
import { Menu, Text } from '@mantine/core';

import type { ShortcutId } from '../shortcuts/shortcut-table';
import { shortcutLabel } from '../shortcuts/shortcut-table';
import { useEditorStore } from '../store/editor-context';
import { selectIsReadOnly } from '../store/selectors';

interface MenuEntryProps {
  children: ReactNode;
  onClick: () => void;
  /** The shortcut that does the same, shown beside the entry from the one shortcut table. */
  shortcut?: ShortcutId;
  icon?: ReactNode;
  color?: string | undefined;
  testId: string;
  /** Whether it changes the flow: such entries are off on a past run, which is read-only. */
  edits?: boolean;
}

/** One entry of a canvas context menu, with the keys that do the same. */
export function MenuEntry(props: MenuEntryProps) {
  const { children, onClick, shortcut, icon, color, testId, edits = false } = props;
  const readOnly = useEditorStore(selectIsReadOnly);
  return (
    <Menu.Item
      leftSection={icon}
      color={color}
      onClick={onClick}
      disabled={edits && readOnly}
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
