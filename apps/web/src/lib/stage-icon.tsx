import type { Icon } from '@tabler/icons-react';
import { createElement } from 'react';
import * as TablerIcons from '@tabler/icons-react';

/**
 * Stage types name their icon as data (`ui.icon`), so any Tabler icon may be asked for and the
 * whole set is bundled; vite.config.ts raises the chunk warning limit for that reason.
 */
const ICONS = TablerIcons as unknown as Record<string, Icon | undefined>;

/** The Tabler icon a stage type names (without the `Icon` prefix); a box if unknown. */
export function StageIcon({ name, size }: { name: string | undefined; size: number }) {
  const icon = name === undefined ? undefined : ICONS[`Icon${name}`];
  return createElement(icon ?? TablerIcons.IconBox, { size });
}
