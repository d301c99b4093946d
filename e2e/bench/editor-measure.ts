import type { Browser, Page } from '@playwright/test';

import type { FrameTime } from './frame-trace';
import { FRAME_TRACE_CATEGORIES, moveFrameTimes } from './frame-trace';
import { installProbes } from './page-probes';

/** How long the mouse drags a stage, and how far each move goes. */
const DRAG_MS = 2_000;
const DRAG_RADIUS = 60;
const DRAG_STEP_RADIANS = 0.15;

export interface Viewport {
  width: number;
  height: number;
}

/** One opening of the editor: milliseconds since navigation, by the page's clock. */
export interface OpenTimes {
  flowLoaded: number;
  firstStage: number;
  drawn: number;
  /** The stages drawn then: those in view. */
  inView: number;
}

/** One drag: main-thread milliseconds of each frame with a move, and frame-to-frame intervals. */
export interface DragFrames {
  work: FrameTime[];
  intervals: number[];
  moves: number;
}

/** When the `flow.byId` response finished arriving, from the page's resource timings. */
const flowLoadedAt = (page: Page) =>
  page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => e instanceof PerformanceResourceTiming && e.name.includes('flow.byId'));
    return entry instanceof PerformanceResourceTiming ? entry.responseEnd : Number.NaN;
  });

/**
 * Opens the editor on `flowUrl` in a fresh context (empty cache and storage, as a new visitor)
 * and waits until the stages in view are drawn; the page is left open for a drag.
 */
export async function openEditor(
  browser: Browser,
  options: { flowUrl: string; viewport: Viewport },
): Promise<{ page: Page; times: OpenTimes; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: options.viewport });
  const page = await context.newPage();
  // tsx compiles with esbuild's keepNames, which wraps named functions in a `__name` helper that
  // the page lacks when Playwright sends `installProbes` over as source: give it one.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.addInitScript(installProbes);
  await page.goto(options.flowUrl, { waitUntil: 'commit' });
  const drawn = await page.waitForFunction(() => window.benchProbes.drawnAt, undefined, {
    polling: 100,
    timeout: 120_000,
  });
  const times = {
    flowLoaded: await flowLoadedAt(page),
    firstStage: await page.evaluate(() => window.benchProbes.firstStageAt ?? Number.NaN),
    drawn: Number(await drawn.jsonValue()),
    inView: await page.evaluate(() => window.benchProbes.drawnStages ?? Number.NaN),
  };
  return { page, times, close: () => context.close() };
}

/** The centre of a stage's header that lies well inside the viewport, to grab it by. */
async function stageToGrab(page: Page, viewport: Viewport) {
  const boxes = await page.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.map((node) => {
      const { x, y, width } = node.getBoundingClientRect();
      return { id: node.getAttribute('data-id') ?? '', x: x + width / 2, y: y + 16 };
    }),
  );
  const centre = { x: viewport.width / 2, y: viewport.height / 2 };
  const distance = (box: { x: number; y: number }) =>
    Math.hypot(box.x - centre.x, box.y - centre.y);
  const [nearest] = boxes.sort((a, b) => distance(a) - distance(b));
  if (!nearest) throw new Error('No stage on the canvas to drag.');
  return nearest;
}

/**
 * Drags the stage nearest the canvas' centre round a circle with the mouse for `DRAG_MS`, each
 * move sent once Chromium has handled the previous one, as a hand moves it continuously.
 */
export async function dragStage(page: Page, viewport: Viewport): Promise<DragFrames> {
  const grab = await stageToGrab(page, viewport);
  const node = page.locator(`.react-flow__node[data-id="${grab.id}"]`);
  const before = await node.boundingBox();
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + DRAG_RADIUS, grab.y, { steps: 4 });
  const after = await node.boundingBox();
  // The first move only starts the drag; the stage follows the ones after it.
  if (!before || !after || after.x - before.x < DRAG_RADIUS / 2) {
    throw new Error(`Stage ${grab.id} does not follow the mouse.`);
  }
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser to trace.');
  await browser.startTracing(page, { categories: FRAME_TRACE_CATEGORIES });
  await page.evaluate(() => window.benchProbes.recordFrames(true));
  const started = Date.now();
  let moves = 0;
  for (let angle = 0; Date.now() - started < DRAG_MS; angle += DRAG_STEP_RADIANS) {
    await page.mouse.move(
      grab.x + DRAG_RADIUS * Math.cos(angle),
      grab.y + DRAG_RADIUS * Math.sin(angle),
    );
    moves += 1;
  }
  const times = await page.evaluate(() => {
    window.benchProbes.recordFrames(false);
    return window.benchProbes.frameTimes;
  });
  const work = moveFrameTimes(await browser.stopTracing());
  await page.mouse.up();
  const intervals = times.slice(1).map((time, i) => time - (times[i] ?? time));
  return { work, intervals, moves };
}
