import { Modal } from '@mantine/core';

import type { EditorState } from '../store/editor-state';
import { LinkColumns } from '../canvas/link-edge';
import { useEditorStore } from '../store/editor-context';

const labelOf = (s: EditorState, id: string | undefined) => {
  const label = s.nodes.find((n) => n.id === id)?.data.label;
  return label === undefined || label === '' ? id : label;
};

/**
 * Every column along a link, with its type, opened from the link's context menu (the card a
 * hovered link shows stops at a dozen); closed while `edgeId` is undefined.
 */
export function LinkColumnsDialog({ edgeId, onClose }: { edgeId?: string; onClose: () => void }) {
  const edge = useEditorStore((s) => s.edges.find((e) => e.id === edgeId));
  const title = useEditorStore((s) =>
    edge ? `Columns from ${labelOf(s, edge.source)} to ${labelOf(s, edge.target)}` : '',
  );
  const columns = useEditorStore((s) => (edge ? s.analysis?.columns[edge.source] : undefined));
  return (
    <Modal
      opened={edge !== undefined}
      onClose={onClose}
      title={title}
      size="sm"
      data-testid="link-columns-dialog"
    >
      <LinkColumns columns={columns} />
    </Modal>
  );
}
