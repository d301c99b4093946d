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
  /** The main-thread time of each frame that carried a pointer move (see `installProbes`). */
  moveFrames: number[];
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
 * the time taken is that of the next frame, the first painted with all of them. A moved frame:
 * from the first pointer move Chromium dispatches in a frame (this capture listener runs before
 * React Flow's) to the end of the frame's rendering, when a task posted from its animation
 * frame callbacks runs: input handling, React's render and commit, style, layout and paint.
 */
export function installProbes({ stages, links }: { stages: number; links: number }) {
  const probes: PageProbes = { moveFrames: [], frameTimes: [], recordFrames };
  window.benchProbes = probes;
  let recording = false;
  let frameStart: number | undefined;

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

  const endOfFrame = (done: () => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = done;
    channel.port2.postMessage(undefined);
  };
  window.addEventListener(
    'pointermove',
    () => {
      if (!recording || frameStart !== undefined) return;
      frameStart = performance.now();
      requestAnimationFrame(() =>
        endOfFrame(() => {
          if (frameStart !== undefined) probes.moveFrames.push(performance.now() - frameStart);
          frameStart = undefined;
        }),
      );
    },
    { capture: true },
  );
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
