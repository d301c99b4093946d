import { useState } from 'react';
import { Menu } from '@mantine/core';

import { getStage } from '@sluice/stages';

import type { CanvasActions } from '../canvas/use-canvas-actions';
import type { ContextMenuTarget } from './use-context-menu';
import { useEditorStoreApi } from '../store/editor-context';
import { InsertStageDialog } from './insert-stage-dialog';
import { LinkColumnsDialog } from './link-columns-dialog';
import { LinkEntries, NoteEntries, PaneEntries, StageEntries } from './menu-entries';
import { StageHelpDialog } from './stage-help-dialog';

/** What a menu entry opened beside the canvas. */
type Dialog = { kind: 'help'; type: string } | { kind: 'columns' | 'insert'; edgeId: string };

interface CanvasContextMenuProps {
  target: ContextMenuTarget | undefined;
  /** Counts openings; a new one places the menu afresh. */
  opening: number;
  onClose: () => void;
  actions: CanvasActions;
}

/**
 * The context menu of a stage, note, link or the empty canvas, at the pointer. Its entries run
 * the canvas actions the shortcuts run; Escape, a click elsewhere or an entry close it, and
 * the arrow keys move through it.
 */
export function CanvasContextMenu({ target, opening, onClose, actions }: CanvasContextMenuProps) {
  const store = useEditorStoreApi();
  const [dialog, setDialog] = useState<Dialog | undefined>(undefined);
  const typeOf = (id: string) => store.getState().nodes.find((n) => n.id === id)?.data.type;

  const entries = () => {
    if (!target) return null;
    switch (target.kind) {
      case 'stage': {
        const type = typeOf(target.id);
        const known = type !== undefined && getStage(type) !== undefined;
        return (
          <StageEntries
            actions={actions}
            {...(known ? { onHelp: () => setDialog({ kind: 'help', type }) } : {})}
          />
        );
      }
      case 'note':
        return (
          <NoteEntries
            actions={actions}
            onEdit={() => store.getState().setEditingNote(target.id)}
          />
        );
      case 'link':
        return (
          <LinkEntries
            actions={actions}
            onShowColumns={() => setDialog({ kind: 'columns', edgeId: target.id })}
            onInsertStage={() => setDialog({ kind: 'insert', edgeId: target.id })}
          />
        );
      case 'pane':
        return <PaneEntries actions={actions} at={target.at} />;
    }
  };

  return (
    <>
      {target && (
        <Menu
          key={opening}
          opened
          onChange={(opened) => {
            if (!opened) onClose();
          }}
          position="bottom-start"
          offset={2}
          shadow="md"
          width={260}
          // The canvas stops mousedown from reaching the page (it starts a pan), pointerdown not.
          clickOutsideEvents={['pointerdown', 'touchstart']}
        >
          <Menu.Target>
            <div
              aria-hidden
              style={{
                position: 'fixed',
                left: target.at.x,
                top: target.at.y,
                width: 0,
                height: 0,
              }}
            />
          </Menu.Target>
          <Menu.Dropdown data-testid={`context-menu-${target.kind}`}>{entries()}</Menu.Dropdown>
        </Menu>
      )}
      <StageHelpDialog
        {...(dialog?.kind === 'help' ? { type: dialog.type } : {})}
        onClose={() => setDialog(undefined)}
      />
      <InsertStageDialog
        {...(dialog?.kind === 'insert' ? { edgeId: dialog.edgeId } : {})}
        onClose={() => setDialog(undefined)}
      />
      <LinkColumnsDialog
        {...(dialog?.kind === 'columns' ? { edgeId: dialog.edgeId } : {})}
        onClose={() => setDialog(undefined)}
      />
    </>
  );
}
