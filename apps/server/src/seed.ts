import { mkdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

import { checkExternalStageUrl, FileAccessError } from '@sluice/engine';

import type { ServerConfig } from './env';
import type { ExternalStagesRepo } from './repos/external-stages.repo';
import { logger } from './logger';

/**
 * Creates the external stages a new database starts with: `samples` (the shipped CSVs) and
 * `exports` (where file exports land). A folder outside the allowed roots is skipped, since the
 * person chose those roots, with one warning line saying how to get it.
 */
export async function seedExternalStages(
  config: ServerConfig,
  externalStages: ExternalStagesRepo,
): Promise<void> {
  await mkdir(config.exportsDir, { recursive: true });
  const seeds = [
    { name: 'samples', dir: config.samplesDir, comment: 'Sample CSV files shipped with Sluice.' },
    { name: 'exports', dir: config.exportsDir, comment: 'Where file exports are written.' },
  ];
  for (const seed of seeds) {
    try {
      const url = await checkExternalStageUrl(pathToFileURL(seed.dir).href, config.fileRoots);
      await externalStages.create({
        name: seed.name,
        url,
        comment: seed.comment,
        settings: {},
        secretNames: [],
        sealedSecrets: null,
      });
    } catch (error) {
      if (!(error instanceof FileAccessError)) throw error;
      const why =
        error.code === 'OUTSIDE_ROOTS'
          ? `its folder ${seed.dir} is outside SLUICE_FILE_ROOTS (${config.fileRoots.join(', ')}); add the folder there to get it`
          : `${error.message} (folder ${seed.dir}, SLUICE_FILE_ROOTS ${config.fileRoots.join(', ')})`;
      logger.warn(`Sluice did not create the "${seed.name}" external stage: ${why}.`);
    }
  }
}
