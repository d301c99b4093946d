import type { Icon } from '@tabler/icons-react';
import { Menu } from '@mantine/core';
import {
  IconArrowBarToLeft,
  IconArrowBarToRight,
  IconClipboard,
  IconColumns,
  IconCopy,
  IconCopyPlus,
  IconCut,
  IconHelp,
  IconNote,
  IconPencil,
  IconRowInsertBottom,
  IconSelectAll,
  IconSitemap,
  IconTrash,
} from '@tabler/icons-react';

import type { CanvasActions } from '../canvas/use-canvas-actions';
import type { ScreenPoint } from '../canvas/use-clipboard-actions';
import { MenuEntry } from './menu-entry';

const ICON = { size: 16, stroke: 1.6 };

/** The actions that change the flow, which a past run's read-only view offers but turns off. */
const EDITING_ACTIONS: ReadonlySet<keyof CanvasActions> = new Set([
  'cut',
  'duplicate',
  'delete',
  'paste',
  'add-note',
  'auto-layout',
]);

interface ActionEntryProps {
  id: keyof CanvasActions;
  actions: CanvasActions;
  icon: Icon;
  label: string;
  /** Where the menu was opened, for the actions that place something there. */
  at?: ScreenPoint;
}

/** An entry that runs a canvas action, showing the keys bound to the same action. */
function ActionEntry({ id, actions, icon: EntryIcon, label, at }: ActionEntryProps) {
  return (
    <MenuEntry
      testId={id}
      shortcut={id}
      edits={EDITING_ACTIONS.has(id)}
      color={id === 'delete' ? 'red' : undefined}
      icon={<EntryIcon {...ICON} />}
      onClick={() => actions[id](at)}
    >
      {label}
    </MenuEntry>
  );
}

/** Copy, cut, duplicate and delete: what a stage's and a note's menus share. */
function ClipboardEntries({ actions }: { actions: CanvasActions }) {
  return (
    <>
      <ActionEntry id="copy" actions={actions} icon={IconCopy} label="Copy" />
      <ActionEntry id="cut" actions={actions} icon={IconCut} label="Cut" />
      <ActionEntry id="duplicate" actions={actions} icon={IconCopyPlus} label="Duplicate" />
      <ActionEntry id="delete" actions={actions} icon={IconTrash} label="Delete" />
    </>
  );
}

/** The menu of a stage (or of the selection it is part of). */
export function StageEntries({ actions, onHelp }: { actions: CanvasActions; onHelp?: () => void }) {
  return (
    <>
      <ClipboardEntries actions={actions} />
      <Menu.Divider />
      <ActionEntry
        id="select-upstream"
        actions={actions}
        icon={IconArrowBarToLeft}
        label="Select upstream"
      />
      <ActionEntry
        id="select-downstream"
        actions={actions}
        icon={IconArrowBarToRight}
        label="Select downstream"
      />
      {onHelp && (
        <>
          <Menu.Divider />
          <MenuEntry testId="help" icon={<IconHelp {...ICON} />} onClick={onHelp}>
            Help on this stage type
          </MenuEntry>
        </>
      )}
    </>
  );
}

/** The menu of a note (or of the selection it is part of). */
export function NoteEntries({ actions, onEdit }: { actions: CanvasActions; onEdit: () => void }) {
  return (
    <>
      <MenuEntry testId="edit-note" edits icon={<IconPencil {...ICON} />} onClick={onEdit}>
        Edit text
      </MenuEntry>
      <Menu.Divider />
      <ClipboardEntries actions={actions} />
    </>
  );
}

interface LinkEntriesProps {
  actions: CanvasActions;
  onShowColumns: () => void;
  onInsertStage: () => void;
}

/** The menu of a link. */
export function LinkEntries({ actions, onShowColumns, onInsertStage }: LinkEntriesProps) {
  return (
    <>
      <MenuEntry testId="show-columns" icon={<IconColumns {...ICON} />} onClick={onShowColumns}>
        Show its columns
      </MenuEntry>
      <MenuEntry
        testId="insert-stage"
        edits
        icon={<IconRowInsertBottom {...ICON} />}
        onClick={onInsertStage}
      >
        Insert a stage…
      </MenuEntry>
      <ActionEntry id="delete" actions={actions} icon={IconTrash} label="Delete" />
    </>
  );
}

/** The menu of the empty canvas: what lands where it was opened, and the whole flow. */
export function PaneEntries({ actions, at }: { actions: CanvasActions; at: ScreenPoint }) {
  return (
    <>
      <ActionEntry id="paste" actions={actions} icon={IconClipboard} label="Paste here" at={at} />
      <ActionEntry
        id="add-note"
        actions={actions}
        icon={IconNote}
        label="Add a note here"
        at={at}
      />
      <Menu.Divider />
      <ActionEntry id="select-all" actions={actions} icon={IconSelectAll} label="Select all" />
      <ActionEntry id="auto-layout" actions={actions} icon={IconSitemap} label="Auto-layout" />
    </>
  );
}
