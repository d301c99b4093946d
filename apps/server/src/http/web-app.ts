import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import express from 'express';

const NOT_BUILT =
  'The Sluice web app is not built yet. Run "npm run build -w @sluice/web" (or "npm start" from the repository root), then reload.';

/**
 * Serves the built web app and answers every other GET with its index.html, so client-side
 * routes survive a reload. The build is looked up per request, so building later just works.
 */
export function serveWebApp(app: Express, webDist: string): void {
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const index = join(webDist, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send(NOT_BUILT);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
