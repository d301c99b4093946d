import { useState } from 'react';
import { Kbd, Modal, Table } from '@mantine/core';

import { formatHotkey, ON_MAC, SHORTCUTS } from './shortcut-table';
import { useShortcuts } from './use-shortcuts';

/** The sheet `?` opens: every shortcut of the table, with the keys of this platform. */
export function ShortcutSheet() {
  const [opened, setOpened] = useState(false);
  useShortcuts('sheet', { 'shortcut-sheet': () => setOpened((open) => !open) });
  return (
    <Modal
      opened={opened}
      onClose={() => setOpened(false)}
      title="Keyboard shortcuts"
      size="lg"
      data-testid="shortcut-sheet"
    >
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map((shortcut) => (
            <Table.Tr key={shortcut.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {shortcut.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' or '}
                    <Kbd>{formatHotkey(key, ON_MAC)}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{shortcut.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
