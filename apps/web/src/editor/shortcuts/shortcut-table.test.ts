import { describe, expect, it } from 'vitest';

import readme from '../../../../../README.md?raw';
import { formatHotkey, SHORTCUTS, shortcutsMarkdown } from './shortcut-table';

describe('shortcut table', () => {
  it('gives every shortcut its own id and keys', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys.map((k) => k.toLowerCase()));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
  });

  it('writes keys per platform', () => {
    expect(formatHotkey('mod+shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatHotkey('mod+shift+Z', true)).toBe('⌘⇧Z');
    expect(formatHotkey('shift+?', false)).toBe('?');
  });

  it('is the table the README lists (up to the padding Prettier adds)', () => {
    const block = /<!-- shortcuts:start -->([\s\S]*?)<!-- shortcuts:end -->/.exec(readme);
    const plain = (table: string) => table.trim().replace(/ {2,}/g, ' ').replace(/-{3,}/g, '---');
    expect(plain(block?.[1] ?? '')).toBe(plain(shortcutsMarkdown()));
  });
});
