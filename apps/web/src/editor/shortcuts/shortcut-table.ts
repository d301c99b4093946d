/**
 * Every keyboard shortcut of the editor, in the order the shortcut sheet lists them. This one
 * table both binds the keys (`useShortcuts`) and renders the sheet and the README table, so a
 * shortcut cannot be bound without being listed or listed without being bound.
 */

/** Where a shortcut's handler lives: the component that owns what it acts on. */
export type ShortcutScope = 'canvas' | 'toolbar' | 'sheet';

export interface ShortcutSpec {
  id: string;
  /** Mantine hotkey strings; `mod` is Ctrl, or Cmd on a Mac. */
  keys: readonly string[];
  description: string;
  scope: ShortcutScope;
  /** Also fires while typing in a form field (the field keeps its own copy and undo otherwise). */
  inFields?: boolean;
}

export const SHORTCUTS = [
  { id: 'save', keys: ['mod+S'], description: 'Save the flow', scope: 'toolbar', inFields: true },
  { id: 'undo', keys: ['mod+Z'], description: 'Undo', scope: 'toolbar' },
  { id: 'redo', keys: ['mod+shift+Z', 'mod+Y'], description: 'Redo', scope: 'toolbar' },
  {
    id: 'run',
    keys: ['mod+Enter'],
    description: 'Run the flow, its parameters at the values last chosen or their defaults',
    scope: 'toolbar',
  },
  {
    id: 'copy',
    keys: ['mod+C'],
    description: 'Copy the selected stages and notes',
    scope: 'canvas',
  },
  { id: 'cut', keys: ['mod+X'], description: 'Cut the selected stages and notes', scope: 'canvas' },
  {
    id: 'paste',
    keys: ['mod+V'],
    description: 'Paste stages and notes at the pointer (or beside the copied ones)',
    scope: 'canvas',
  },
  {
    id: 'duplicate',
    keys: ['mod+D'],
    description: 'Duplicate the selected stages and notes',
    scope: 'canvas',
  },
  {
    id: 'delete',
    keys: ['Delete', 'Backspace'],
    description: 'Delete the selected stages, notes and links',
    scope: 'canvas',
  },
  {
    id: 'select-all',
    keys: ['mod+A'],
    description: 'Select all stages and notes',
    scope: 'canvas',
  },
  {
    id: 'select-upstream',
    keys: ['shift+U'],
    description: 'Add the stages upstream of the selection',
    scope: 'canvas',
  },
  {
    id: 'select-downstream',
    keys: ['shift+D'],
    description: 'Add the stages downstream of the selection',
    scope: 'canvas',
  },
  {
    id: 'preview',
    keys: ['shift+P'],
    description: 'Preview the data of the selected stage or link',
    scope: 'canvas',
  },
  {
    id: 'run-up-to-here',
    keys: ['shift+R'],
    description: 'Run up to here: the selected stages and everything upstream',
    scope: 'canvas',
  },
  {
    id: 'auto-layout',
    keys: ['shift+L'],
    description: 'Lay the flow out left to right',
    scope: 'canvas',
  },
  { id: 'add-note', keys: ['N'], description: 'Add a note at the pointer', scope: 'canvas' },
  { id: 'shortcut-sheet', keys: ['shift+?'], description: 'Show these shortcuts', scope: 'sheet' },
] as const satisfies readonly ShortcutSpec[];

export type Shortcut = (typeof SHORTCUTS)[number];
export type ShortcutId = Shortcut['id'];
/** The ids of the shortcuts bound in `scope`. */
export type ShortcutIdIn<S extends ShortcutScope> = Extract<Shortcut, { scope: S }>['id'];

/** A hotkey as people read it: `mod+shift+Z` → `Ctrl+Shift+Z` (`⌘⇧Z` on a Mac). */
export function formatHotkey(hotkey: string, mac: boolean): string {
  // `?` is typed with Shift on most layouts; saying so would only confuse.
  if (hotkey === 'shift+?') return '?';
  const names: Record<string, string> = mac
    ? { mod: '⌘', shift: '⇧', alt: '⌥', ctrl: '⌃' }
    : { mod: 'Ctrl', shift: 'Shift', alt: 'Alt', ctrl: 'Ctrl' };
  const parts = hotkey.split('+').map((part) => names[part.toLowerCase()] ?? part);
  return parts.join(mac ? '' : '+');
}

/** Whether keys are written the Mac way (⌘ for `mod`). */
export const ON_MAC =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The first keys of shortcut `id` as this platform writes them, for tooltips. */
export function shortcutLabel(id: ShortcutId): string {
  const shortcut = SHORTCUTS.find((s) => s.id === id);
  return shortcut?.keys[0] ? formatHotkey(shortcut.keys[0], ON_MAC) : '';
}

/** The shortcut table as the README shows it, on Windows and Linux. */
export function shortcutsMarkdown(): string {
  const rows = SHORTCUTS.map((s) => {
    const keys = s.keys.map((k) => `<kbd>${formatHotkey(k, false)}</kbd>`).join(' or ');
    return `| ${keys} | ${s.description} |`;
  });
  return ['| Keys | Action |', '| --- | --- |', ...rows].join('\n');
}
