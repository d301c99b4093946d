import type { FitViewOptions, Node } from '@xyflow/react';
import { IconMap, IconMapOff } from '@tabler/icons-react';
import { ControlButton, MiniMap } from '@xyflow/react';

import { isNoteNode } from '../store/note-node-model';

const MINIMAP = { width: 160, height: 100, margin: 12 };

const minimapClass = (node: Node) => (isNoteNode(node) ? 'minimap-note' : '');

/**
 * Fitting the view keeps stages clear of the canvas furniture: the banner of flow problems on
 * top, the controls bottom left and, while it shows, the minimap bottom right.
 */
export const FIT_WITH_MINIMAP: FitViewOptions = {
  maxZoom: 1,
  padding: { top: '56px', left: '32px', right: '32px', bottom: `${MINIMAP.height + 32}px` },
};
export const FIT_WITHOUT_MINIMAP: FitViewOptions = {
  maxZoom: 1,
  padding: { top: '56px', left: '32px', right: '32px', bottom: '56px' },
};

/** A small overview of the flow in the bottom right corner, for panning and zooming. */
export function CanvasMinimap() {
  return (
    <MiniMap
      pannable
      zoomable
      nodeBorderRadius={4}
      nodeClassName={minimapClass}
      style={{ width: MINIMAP.width, height: MINIMAP.height }}
      offsetScale={4}
      ariaLabel="Overview of the flow"
    />
  );
}

/** The control that shows or hides the minimap, so it never has to cover a stage. */
export function MinimapToggle({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  const label = shown ? 'Hide the minimap' : 'Show the minimap';
  return (
    <ControlButton onClick={onToggle} title={label} aria-label={label} data-testid="minimap-toggle">
      {shown ? <IconMapOff /> : <IconMap />}
    </ControlButton>
  );
}
