/**
 * The server entry: reads the environment, opens the database, serves HTTP, and shuts down
 * cleanly on SIGINT / SIGTERM.
 */
import { TargetConnectError } from '@sluice/engine';

import { createApp } from './app';
import { ConfigError, loadEnv } from './env';
import { logger } from './logger';
import { createServices } from './services';

async function main(): Promise<void> {
  const config = loadEnv();
  const services = await createServices(config);
  const server = createApp(services).listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    // The address carries the token so the person who started the server can open it as is;
    // the web app stores it for the tab and removes it from the address bar.
    const token =
      config.accessToken === undefined ? '' : `/?token=${encodeURIComponent(config.accessToken)}`;
    logger.info(`Sluice is running at http://${host}:${port}${token}`);
  });
  server.on('error', (error) => {
    logger.error(`Sluice could not listen on ${config.host}:${config.port}`, error);
    process.exitCode = 1;
    void services.close();
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void services.close().finally(() => process.exit(process.exitCode ?? 0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // A database or setting the person must fix: one line saying what, no stack.
  if (error instanceof ConfigError || error instanceof TargetConnectError) {
    logger.fatal(error.message);
  } else logger.error('Sluice could not start', error);
  process.exit(1);
});
