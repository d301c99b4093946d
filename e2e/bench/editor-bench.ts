/**
 * The editor in Chromium on a 500-stage flow: how long it takes to draw, and how long a frame
 * takes while a stage is dragged. Starts a real server on its own data directory, creates the
 * flow through the API, and writes the `editor` section of `docs/benchmarks.md`.
 * Run: `npm run bench -w @sluice/e2e` (the web app built first).
 */
import { chromium } from '@playwright/test';

import { writeBenchSection } from '@sluice/engine/bench-section';
import { createClient } from '@sluice/sdk';

import type { DragFrames, OpenTimes, Viewport } from './editor-measure';
import { chromiumLaunchOptions } from '../support/chromium';
import { removeDataDir, startSluice } from '../support/sluice-server';
import { dragStage, openEditor } from './editor-measure';
import { editorSection } from './editor-section';
import { manyStageFlow } from './many-stage-flow';

const STAGES = 500;
const RUNS = 3;
const VIEWPORTS: Viewport[] = [
  { width: 1920, height: 1080 },
  { width: 1440, height: 900 },
];

/** What one viewport measured, run by run. */
export interface ViewportRuns {
  viewport: Viewport;
  opens: OpenTimes[];
  drags: DragFrames[];
}

const server = await startSluice();
try {
  const flow = manyStageFlow(STAGES);
  const links = flow.toDocument().links.length;
  const { id } = await createClient({ url: server.url }).flows.create(flow);
  const flowUrl = `${server.url}/flows/${id}`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  const version = browser.version();
  const results: ViewportRuns[] = [];
  try {
    for (const viewport of VIEWPORTS) {
      const runs: ViewportRuns = { viewport, opens: [], drags: [] };
      for (let run = 0; run < RUNS; run += 1) {
        const editor = await openEditor(browser, { flowUrl, viewport });
        runs.opens.push(editor.times);
        runs.drags.push(await dragStage(editor.page, viewport));
        await editor.close();
        process.stdout.write(
          `${viewport.width}x${viewport.height} run ${run + 1}: drawn ${editor.times.drawn.toFixed(0)} ms\n`,
        );
      }
      results.push(runs);
    }
  } finally {
    await browser.close();
  }
  const section = editorSection({ stages: STAGES, links, results, chromium: version });
  await writeBenchSection('editor', section);
  process.stdout.write(`${section.lines.join('\n')}\n`);
} finally {
  await server.stop();
  await removeDataDir(server);
}
