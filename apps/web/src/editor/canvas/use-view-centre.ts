import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';

/** The canvas element, whose middle is where things added without a pointer land. */
const CANVAS_SELECTOR = '[data-testid="canvas"]';

/** Returns a function giving the flow position at the middle of the visible canvas. */
export function useViewCentre() {
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(() => {
    const pane = document.querySelector(CANVAS_SELECTOR)?.getBoundingClientRect();
    return pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
  }, [screenToFlowPosition]);
}
