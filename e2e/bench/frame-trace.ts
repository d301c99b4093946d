/** The Chrome trace categories the frame times are read from: tasks and DOM events. */
export const FRAME_TRACE_CATEGORIES = [
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's own CPU time in the event, which other processes on the machine don't add to. */
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

/** A frame's main-thread milliseconds: as the clock on the wall saw them, and on the CPU. */
export interface FrameTime {
  wall: number;
  cpu: number;
}

/**
 * The main-thread milliseconds of each frame that moved the stage, from a Chrome trace: every
 * renderer main-thread task (`RunTask`) that dispatched a `pointermove`. Chromium hands a move
 * to the page at the start of a frame, so that task holds the whole frame's work on the main
 * thread: the event's handlers, React's render and commit, then style, layout, paint and the
 * commit to the compositor.
 */
export function moveFrameTimes(trace: Buffer): FrameTime[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const events = parsed.traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);
  const moves = events.filter(
    (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove' && onMain(e),
  );
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e));
  const frames = new Set<TraceEvent>();
  for (const move of moves) {
    const task = tasks.find(
      (t) =>
        t.pid === move.pid &&
        t.tid === move.tid &&
        t.ts <= move.ts &&
        move.ts <= t.ts + (t.dur ?? 0),
    );
    if (task) frames.add(task);
  }
  return [...frames].map((task) => ({
    wall: (task.dur ?? 0) / 1000,
    cpu: (task.tdur ?? 0) / 1000,
  }));
}
