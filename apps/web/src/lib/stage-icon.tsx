import type { Icon } from '@tabler/icons-react';
import { createElement } from 'react';
import {
  IconArrowsJoin,
  IconArrowsSort,
  IconBox,
  IconCamera,
  IconColumns,
  IconCopy,
  IconCopyOff,
  IconDatabaseSearch,
  IconDice5,
  IconEye,
  IconFileExport,
  IconFileImport,
  IconFilter,
  IconLayersUnion,
  IconListNumbers,
  IconMathFunction,
  IconRestore,
  IconSql,
  IconSum,
  IconTable,
  IconTableExport,
  IconTerminal2,
  IconTransform,
} from '@tabler/icons-react';

/**
 * The icons stage types may name in `ui.icon`. Importing them one by one keeps the bundle to the
 * icons in use (the whole Tabler set is ~5 MB); a new stage type adds its icon here, and
 * stage-icon.test.ts fails until it does.
 */
export const STAGE_ICONS: Readonly<Record<string, Icon>> = {
  ArrowsSort: IconArrowsSort,
  Columns: IconColumns,
  FileExport: IconFileExport,
  FileImport: IconFileImport,
  Filter: IconFilter,
  ListNumbers: IconListNumbers,
  Table: IconTable,
  ArrowsJoin: IconArrowsJoin,
  Sum: IconSum,
  LayersUnion: IconLayersUnion,
  CopyOff: IconCopyOff,
  Sql: IconSql,
  TableExport: IconTableExport,
  MathFunction: IconMathFunction,
  Transform: IconTransform,
  DatabaseSearch: IconDatabaseSearch,
  Dice5: IconDice5,
  Eye: IconEye,
  Copy: IconCopy,
  Camera: IconCamera,
  Restore: IconRestore,
  Terminal2: IconTerminal2,
};

/** The icon a stage type names; a box if unknown. */
export function StageIcon({ name, size }: { name: string | undefined; size: number }) {
  const icon = name === undefined ? undefined : STAGE_ICONS[name];
  return createElement(icon ?? IconBox, { size });
}
