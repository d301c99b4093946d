import { useHotkeys } from '@mantine/hooks';

import type { ShortcutIdIn, ShortcutScope, ShortcutSpec } from './shortcut-table';
import { SHORTCUTS } from './shortcut-table';

/** Returns false when it left the key to the browser (copying selected text, for instance). */
export type ShortcutHandler = () => boolean | undefined | void;

type HotkeyItem = Parameters<typeof useHotkeys>[0][number];

/** Mantine skips these tags unless told otherwise; an empty list fires in fields too. */
const FIELD_TAGS = ['INPUT', 'TEXTAREA', 'SELECT'];

/**
 * Binds the table's shortcuts of `scope` to `handlers`, which must name every one of them.
 * Keys pressed in form fields stay with the field unless the shortcut says `inFields`.
 */
export function useShortcuts<S extends ShortcutScope>(
  scope: S,
  handlers: Record<ShortcutIdIn<S>, ShortcutHandler>,
): void {
  const items = (inFields: boolean): HotkeyItem[] =>
    SHORTCUTS.filter(
      (s: ShortcutSpec) => s.scope === scope && Boolean(s.inFields) === inFields,
    ).flatMap((shortcut) =>
      shortcut.keys.map((key): HotkeyItem => [
        key,
        (event) => {
          const handler = handlers[shortcut.id as ShortcutIdIn<S>];
          if (handler() !== false) event.preventDefault();
        },
        { preventDefault: false },
      ]),
    );
  useHotkeys(items(false), FIELD_TAGS);
  useHotkeys(items(true), []);
}
