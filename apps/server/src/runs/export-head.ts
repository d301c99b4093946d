import { fileRefs, stageUri } from '@sluice/compiler';
import { openToRead, resolveExternalFile } from '@sluice/engine';

import type { Services } from '../services';
import type { RunResultDeps } from './run-analysis';
import { InvalidRequestError } from '../errors';
import { folderOf } from '../external-stages/stage-folder-of';
import { runAnalysis } from './run-analysis';

/** Lines shown of an exported file: a header and 100 rows. */
const HEAD_LINES = 101;
/** Bytes read to find them; rows longer than this on average show fewer lines. */
const HEAD_BYTES = 256 * 1024;

/** The first lines of a file a run exported, as text in the file's own format. */
export interface ExportHead {
  /** The file by its stage:// form. */
  uri: string;
  lines: string[];
  /** True when the file goes on past the lines shown. */
  more: boolean;
}

/**
 * Reads the head of the file an export stage of a run wrote, opened the way runs read files
 * (inside its external stage, no symbolic links). The file is the one the run's own flow
 * version names; a binary file (Parquet) is refused with the way to get it instead.
 */
export async function exportHead(
  deps: RunResultDeps & Pick<Services, 'externalStages' | 'config'>,
  input: { runId: string; stageId: string },
): Promise<ExportHead> {
  const { version, analysis } = await runAnalysis(deps, input.runId);
  const written = fileRefs(analysis).find(
    (file) => file.stageId === input.stageId && file.mode === 'write',
  );
  if (!written) {
    throw new InvalidRequestError(
      `Stage "${input.stageId}" exports no file in version ${version} of this flow.`,
    );
  }
  const { ref } = written;
  const uri = stageUri(ref);
  const folder = await folderOf(deps, ref.externalStage);
  const local = await resolveExternalFile({
    url: folder.url,
    path: `${folder.prefix}${ref.path}`,
    mode: 'read',
    allowedRoots: deps.config.fileRoots,
    ref,
  });
  const file = await openToRead(local, uri);
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) {
      throw new InvalidRequestError(
        `${uri} is a binary file (Parquet, say); download it from the External stages page.`,
      );
    }
    const cut = bytesRead === HEAD_BYTES;
    const lines = head.toString('utf8').split('\n');
    // A last line cut by the byte limit is not shown half; a final newline leaves an empty one.
    if (cut || lines.at(-1) === '') lines.pop();
    return {
      uri,
      lines: lines.slice(0, HEAD_LINES).map((line) => line.replace(/\r$/, '')),
      more: cut || lines.length > HEAD_LINES,
    };
  } finally {
    await file.close();
  }
}
