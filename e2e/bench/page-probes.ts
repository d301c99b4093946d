/**
 * What the page itself records for the editor benchmark, installed before any of the app's
 * scripts (`page.addInitScript`), so its listeners run first and its clock is the page's own
 * (`performance.now()`: milliseconds since the navigation started).
 */
export interface PageProbes {
  /** When every stage and link in view was drawn and measured and stayed so (see below). */
  drawnAt?: number;
  /** How many stages and notes were drawn then: those in view. */
  drawnStages?: number;
  /** When the first stage node entered the DOM. */
  firstStageAt?: number;
  /** The timestamp of every animation frame while frames are recorded. */
  frameTimes: number[];
  recordFrames: (on: boolean) => void;
}

declare global {
  interface Window {
    benchProbes: PageProbes;
  }
}

/**
 * Runs in the page. The canvas draws the stages in view only, so drawn is the first painted
 * frame from which the same stages and links stay in the DOM for `STEADY_FRAMES` frames, every
 * stage measured by React Flow (it hides one until then) and none of them still hidden: the
 * flow is open, fitted into view and drawn. Its time is that first frame's.
 */
export function installProbes() {
  const STEADY_FRAMES = 10;
  const probes: PageProbes = { frameTimes: [], recordFrames };
  window.benchProbes = probes;
  let recording = false;
  let drawn = { shape: '', since: 0, frames: 0 };

  const shapeNow = () => {
    const nodes = document.querySelectorAll('.react-flow__node');
    if (nodes.length === 0) return '';
    if (document.querySelector('.react-flow__node[style*="visibility: hidden"]')) return '';
    const edges = document.querySelectorAll('.react-flow__edge').length;
    const ids = Array.from(nodes, (node) => node.getAttribute('data-id') ?? '').join(',');
    return `${ids}|${String(edges)}`;
  };
  const watchDrawn = (time: number) => {
    if (probes.firstStageAt === undefined && document.querySelector('.react-flow__node')) {
      probes.firstStageAt = performance.now();
    }
    const shape = shapeNow();
    if (shape === '' || shape !== drawn.shape) drawn = { shape, since: 0, frames: 0 };
    // The frame after the first sighting: the first one painted with them.
    else if ((drawn.frames += 1) === 1) drawn.since = time;
    if (drawn.shape !== '' && drawn.frames >= STEADY_FRAMES) {
      probes.drawnAt = drawn.since;
      probes.drawnStages = document.querySelectorAll('.react-flow__node').length;
    } else requestAnimationFrame(watchDrawn);
  };
  requestAnimationFrame(watchDrawn);

  const tick = (time: number) => {
    if (!recording) return;
    probes.frameTimes.push(time);
    requestAnimationFrame(tick);
  };
  function recordFrames(on: boolean) {
    recording = on;
    if (on) requestAnimationFrame(tick);
  }
}
