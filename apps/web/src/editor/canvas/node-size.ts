/** The width of a stage node: a label and both problem badges fit side by side. */
export const NODE_WIDTH = 240;
