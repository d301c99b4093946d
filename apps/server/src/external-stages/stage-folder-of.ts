import type { Services } from '../services';
import { InvalidRequestError } from '../errors';
import { rootOf } from './stage-chain';

/**
 * The `file://` folder holding an external stage's files and the sub path inside it (a
 * `stage://` sub-stage resolves to its parent's folder). S3 folders are MatrixOne's to read.
 */
export async function folderOf(
  services: Pick<Services, 'externalStages'>,
  name: string,
): Promise<{ url: string; prefix: string }> {
  await services.externalStages.byName(name);
  const root = rootOf(name, await services.externalStages.list());
  if (root.stage.url.startsWith('s3://')) {
    throw new InvalidRequestError(
      `External stage "${name}" is on S3 (${root.stage.url}); Sluice reads only file:// folders itself.`,
    );
  }
  return { url: root.stage.url, prefix: root.prefix };
}
