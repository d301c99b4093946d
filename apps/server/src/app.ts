import type { Express } from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';

import type { Services } from './services';
import { createContext } from './context';
import { isLoopbackHost } from './env';
import { requireAccessToken } from './http/access-token';
import { DOWNLOAD_ROUTE, downloadExternalFile } from './http/file-download';
import { guardOrigin } from './http/same-origin';
import { serveWebApp } from './http/web-app';
import { MAX_INPUT_BYTES } from './input-guard';
import { logger } from './logger';
import { appRouter } from './root';
import { UNEXPECTED_ERROR_MESSAGE } from './trpc';

/**
 * The HTTP surface on one port: `/trpc` and `/files` downloads (guarded by the access token
 * when one is set), `/healthz`, and the web app with its SPA fallback. Every request first passes the Host and
 * Origin checks of `guardOrigin`.
 */
export function createApp(services: Services): Express {
  const app = express();
  app.disable('x-powered-by');
  // Express's last-resort error page shows the stack under any NODE_ENV but "production".
  app.set('env', services.config.development ? 'development' : 'production');
  const { host } = services.config;
  app.use(guardOrigin({ loopback: isLoopbackHost(host), boundHost: host }));

  app.get('/healthz', (_req, res) => {
    services.target.meta
      .query('SELECT 1 AS ok')
      .then(() => res.json({ ok: true }))
      .catch((error: unknown) => {
        logger.error('GET /healthz', error);
        res.status(500).json({
          error: { code: 'INTERNAL_SERVER_ERROR', message: UNEXPECTED_ERROR_MESSAGE },
        });
      });
  });

  const { accessToken } = services.config;
  if (accessToken !== undefined) {
    app.use('/trpc', requireAccessToken(accessToken));
    app.use('/files', requireAccessToken(accessToken));
  }
  app.get(DOWNLOAD_ROUTE, downloadExternalFile(services));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: createContext(services),
      maxBodySize: MAX_INPUT_BYTES,
      // Queries may come as POST too, with their input in the body: a flow of a few hundred
      // stages does not fit in a URL. GET still works; the origin guard treats POST as a change.
      allowMethodOverride: true,
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          logger.error(`tRPC ${path ?? '(no path)'}`, error);
      },
    }),
  );
  app.use('/trpc', (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such API path.' } });
  });

  serveWebApp(app, services.config.webDist);
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
  return app;
}
