import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { RequestHandler } from 'express';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';

import { stageUri } from '@sluice/compiler';
import { openToRead, resolveExternalFile } from '@sluice/engine';
import { ExternalStageNameSchema, RelativePathSchema } from '@sluice/stages';

import type { Services } from '../services';
import { toTrpcError } from '../errors';
import { folderOf } from '../external-stages/stage-folder-of';
import { logger } from '../logger';
import { UNEXPECTED_ERROR_MESSAGE } from '../trpc';

const DownloadInput = z.object({ name: ExternalStageNameSchema, path: RelativePathSchema });

/** The address that downloads one file of an external stage (`/files/<name>?path=<path>`). */
export const DOWNLOAD_ROUTE = '/files/:name';

/**
 * Sends one file of a `file://` external stage as an attachment. The file is resolved and opened
 * the way runs read files (no path outside the external stage, symbolic links refused), and the
 * attachment is named by the file's own name, encoded by Express, never by a server folder.
 */
export function downloadExternalFile(services: Services): RequestHandler {
  return (req, res) => {
    const input = DownloadInput.safeParse({ name: req.params.name, path: req.query.path });
    if (!input.success) {
      const field = input.error.issues[0]?.path[0] ?? 'path';
      const message = `${String(field)}: ${input.error.issues[0]?.message ?? 'invalid'}`;
      res.status(400).json({ error: { code: 'BAD_REQUEST', message } });
      return;
    }
    const { name, path } = input.data;
    const uri = stageUri({ externalStage: name, path });
    const send = async () => {
      const folder = await folderOf(services, name);
      const local = await resolveExternalFile({
        url: folder.url,
        path: `${folder.prefix}${path}`,
        mode: 'read',
        allowedRoots: services.config.fileRoots,
        ref: { externalStage: name, path },
      });
      const file = await openToRead(local, uri);
      res.attachment(basename(path));
      res.type('application/octet-stream');
      await pipeline(file.createReadStream(), res);
    };
    send().catch((error: unknown) => {
      const known = toTrpcError(error);
      if (!known) logger.error(`GET ${uri}`, error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.status(known ? getHTTPStatusCodeFromError(known) : 500).json({
        error: {
          code: known?.code ?? 'INTERNAL_SERVER_ERROR',
          message: known?.message ?? UNEXPECTED_ERROR_MESSAGE,
        },
      });
    });
  };
}
