import type { Express } from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';

import type { Services } from './services';
import { createContext } from './context';
import { isLoopbackHost } from './env';
import { requireAccessToken } from './http/access-token';
import { guardOrigin } from './http/same-origin';
import { serveWebApp } from './http/web-app';
import { logger } from './logger';
import { appRouter } from './root';

/** Flow documents are at most a few hundred stages; anything far larger is a mistake. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The HTTP surface on one port: `/trpc` (guarded by the access token when one is set),
 * `/healthz`, and the web app with its SPA fallback. Every request first passes the Host and
 * Origin checks of `guardOrigin`.
 */
export function createApp(services: Services): Express {
  const app = express();
  app.disable('x-powered-by');
  const { host } = services.config;
  app.use(guardOrigin({ loopback: isLoopbackHost(host), boundHost: host }));

  app.get('/healthz', (_req, res, next) => {
    services.target.meta
      .query('SELECT 1 AS ok')
      .then(() => res.json({ ok: true }))
      .catch(next);
  });

  const { accessToken } = services.config;
  if (accessToken !== undefined) app.use('/trpc', requireAccessToken(accessToken));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: createContext(services),
      maxBodySize: MAX_BODY_BYTES,
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
