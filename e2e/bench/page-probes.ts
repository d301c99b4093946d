/**
 * What the page itself records for the editor benchmark, installed before any of the app's
 * scripts (`page.addInitScript`), so its listeners run first and its clock is the page's own
 * (`performance.now()`: milliseconds since the navigation started).
 */
export interface PageProbes {
  /** When every stage was visible and every link drawn, at the first frame painted after. */
  drawnAt?: number;
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
 * Runs in the page. Drawn: a frame in which `stages` `.react-flow__node`s are in the DOM and
 * React Flow has measured every one (it hides a node until then) and `links` edges are drawn;
 * the time taken is that of the next frame, the first painted with all of them.
 */
export function installProbes({ stages, links }: { stages: number; links: number }) {
  const probes: PageProbes = { frameTimes: [], recordFrames };
  window.benchProbes = probes;
  let recording = false;

  const allDrawn = () =>
    document.querySelectorAll('.react-flow__node').length >= stages &&
    document.querySelector('.react-flow__node[style*="visibility: hidden"]') === null &&
    document.querySelectorAll('.react-flow__edge').length >= links;
  const watchDrawn = () => {
    if (probes.firstStageAt === undefined && document.querySelector('.react-flow__node')) {
      probes.firstStageAt = performance.now();
    }
    if (allDrawn()) requestAnimationFrame(() => (probes.drawnAt = performance.now()));
    else requestAnimationFrame(watchDrawn);
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
