import type { Icon } from '@tabler/icons-react';
import { createElement } from 'react';
import * as TablerIcons from '@tabler/icons-react';

const ICONS = TablerIcons as unknown as Record<string, Icon | undefined>;

/** The Tabler icon a stage type names (`ui.icon`, without the `Icon` prefix); a box if unknown. */
export function StageIcon({ name, size }: { name: string | undefined; size: number }) {
  const icon = (name === undefined ? undefined : ICONS[`Icon${name}`]) ?? TablerIcons.IconBox;
  return createElement(icon, { size });
}
