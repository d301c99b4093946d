import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { basename, dirname, sep } from 'node:path';
import type { FileHandle } from 'node:fs/promises';

import { errorCode } from './error-details';
import { FileAccessError } from './file-access-error';

const { O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_RDONLY, O_WRONLY } = constants;

/**
 * The kernel's path to `name` inside the folder open as `fd`: it goes through the descriptor,
 * not the folder's name, so it reaches the same folder whatever was renamed or linked in its
 * place since (Linux's `/proc/self/fd`, standing in for `openat`, which Node does not offer).
 */
const under = (fd: number, name: string) => `/proc/self/fd/${String(fd)}/${name}`;

const DENIED = 'Sluice is not allowed to open it (permission denied); check the folder permissions';

/** The file system's error codes in words a person can act on. */
const REASONS: Record<string, string> = {
  EEXIST: 'a file of that name already exists',
  EISDIR: 'a folder has that name, not a file',
  ENOTDIR: 'a file stands where a folder of its path should be',
  ENOTEMPTY: 'the folder is not empty',
  EACCES: DENIED,
  EPERM: DENIED,
  ENOSPC: 'no space left on the disk',
  EROFS: 'the file system is read-only',
  ELOOP: 'a symbolic link is on its path, and Sluice does not follow links there',
  ENOENT: 'the file is no longer there',
};

/** Why a file operation failed, in words, without the server's path Node puts in its message. */
export function reasonOf(error: unknown): string {
  if (error instanceof FileAccessError) return error.message;
  const code = errorCode(error);
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return REASONS[code] ?? `the file system refused it (${code})`;
}

/** The refusal for a symbolic link met where the checked path had a real folder or file. */
function replaced(uri: string): FileAccessError {
  return new FileAccessError(
    'CHANGED',
    `${uri} was not opened: a folder or file on its path was replaced by a symbolic link after ` +
      'Sluice checked it, and a link may lead outside the folders SLUICE_FILE_ROOTS allows. ' +
      'Put the real folder back, or point the external stage at the folder the link leads to, ' +
      'and run again.',
  );
}

/** Names what is wrong with the folder at kernel path `path`, which failed to open. */
async function refusal(path: string, uri: string, error: unknown): Promise<Error> {
  const code = errorCode(error);
  if (code === 'ELOOP' || code === 'ENOTDIR') {
    const entry = await lstat(path).catch(() => undefined);
    if (entry?.isSymbolicLink()) return replaced(uri);
    if (entry !== undefined) {
      return new FileAccessError(
        'BAD_PATH',
        `${uri} cannot be reached: a file stands where a folder of its path should be. ` +
          'Rename that file or change the path.',
      );
    }
  }
  if (code === 'ENOENT') {
    return new FileAccessError(
      'NOT_FOUND',
      `${uri} cannot be reached: a folder of its path no longer exists. ` +
        "Check the external stage's folder on the External stages page.",
    );
  }
  return new FileAccessError('BAD_PATH', `${uri} cannot be opened: ${reasonOf(error)}.`);
}

/**
 * Linux's O_PATH (Node does not name it): the descriptor only stands for the folder, so opening
 * it takes the right to pass through the folder, not to list it, as a path lookup would.
 */
const O_PATH = 0o10000000;

/** A folder on the way, never a link: with O_DIRECTORY, O_NOFOLLOW refuses one (ENOTDIR). */
const FOLDER = O_PATH | O_DIRECTORY | O_NOFOLLOW;

/**
 * A folder to open: `dir` absolute with symlinks already resolved (as `resolveExternalFile`
 * returns paths), `uri` the stage:// form of the file it is opened for, which errors name, and
 * `create` whether missing folders are made on the way.
 */
export interface RealFolder {
  dir: string;
  uri: string;
  create: boolean;
}

/** Opens the folder at kernel path `path` (an entry of an open folder), never through a link. */
async function openChild(
  path: string,
  { uri, create }: Omit<RealFolder, 'dir'>,
): Promise<FileHandle> {
  try {
    return await open(path, FOLDER);
  } catch (error) {
    if (!create || errorCode(error) !== 'ENOENT') throw await refusal(path, uri, error);
  }
  await mkdir(path).catch((error: unknown) => {
    if (errorCode(error) !== 'EEXIST') throw error;
  });
  try {
    return await open(path, FOLDER);
  } catch (error) {
    throw await refusal(path, uri, error);
  }
}

/**
 * Opens the folder at `dir` one name at a time from `/`, each through the descriptor of the one
 * before and without following a symbolic link. The descriptor returned is therefore the folder
 * that was checked, not whatever a link put in its place.
 */
async function openRealFolder({ dir, uri, create }: RealFolder): Promise<FileHandle> {
  if (process.platform !== 'linux') {
    throw new Error(
      `Sluice cannot open ${uri} safely here: it reaches files through Linux's /proc/self/fd. ` +
        'Run Sluice on Linux.',
    );
  }
  let folder = await open(sep, O_PATH | O_DIRECTORY);
  try {
    for (const name of dir.split(sep).filter((part) => part !== '')) {
      const child = await openChild(under(folder.fd, name), { uri, create });
      await folder.close();
      folder = child;
    }
    return folder;
  } catch (error) {
    await folder.close();
    throw error instanceof FileAccessError
      ? error
      : new FileAccessError('BAD_PATH', `${uri} cannot be opened: ${reasonOf(error)}.`);
  }
}

/** The kernel path of each entry of a folder held open (see `under`). */
export type FolderEntry = (name: string) => string;

/** Runs `act` on the folder open as `handle`, closing it after. */
async function inFolder<T>(
  handle: FileHandle,
  act: (entry: FolderEntry) => Promise<T>,
): Promise<T> {
  try {
    return await act((name) => under(handle.fd, name));
  } finally {
    await handle.close();
  }
}

/**
 * Opens the real folder at `dir` and keeps it open for the caller, who closes it: its entries
 * stay reachable through `under` wherever the folder is moved or whatever link replaces its path.
 */
export async function holdRealFolder(
  folder: RealFolder,
): Promise<{ entry: FolderEntry; close: () => Promise<void> }> {
  const handle = await openRealFolder(folder);
  return { entry: (name) => under(handle.fd, name), close: () => handle.close() };
}

/**
 * Runs `act` with the real folder at `dir` open, giving it the kernel path of each of its
 * entries (see `under`): whatever `act` opens, creates, renames or removes is in that folder.
 */
export async function inRealFolder<T>(
  folder: RealFolder,
  act: (entry: FolderEntry) => Promise<T>,
): Promise<T> {
  return inFolder(await openRealFolder(folder), act);
}

/**
 * Runs `act` with sub-folder `name` of a folder held open (`parent` reaches its entries) open in
 * turn, through that folder's descriptor and never through a link: a sub-folder swapped for a
 * link since it was listed is refused, naming it as `uri`.
 */
export async function inSubfolder<T>(
  sub: { parent: FolderEntry; name: string; uri: string },
  act: (entry: FolderEntry) => Promise<T>,
): Promise<T> {
  return inFolder(await openChild(sub.parent(sub.name), { uri: sub.uri, create: false }), act);
}

/** The refusal for a file to read that is not there; nothing can be uploaded, so say where to look. */
export function missingFile(uri: string): FileAccessError {
  return new FileAccessError(
    'NOT_FOUND',
    `${uri} does not exist. Check the file name against the external stage's files on the ` +
      'External stages page, or change the path.',
  );
}

/** The refusal for a file that failed to open for reading. */
function unreadable(uri: string, error: unknown): FileAccessError {
  if (errorCode(error) === 'ELOOP') return replaced(uri);
  if (errorCode(error) === 'ENOENT') return missingFile(uri);
  return new FileAccessError('BAD_PATH', `${uri} cannot be read: ${reasonOf(error)}.`);
}

/**
 * Opens the checked file at `local` (a real path inside the allowed roots) for reading, refusing
 * it when a folder or the file itself was replaced by a symbolic link since the check, so the
 * check and the open are one act. `uri` (its stage:// form) names it in every error.
 */
export async function openToRead(local: string, uri: string): Promise<FileHandle> {
  return inRealFolder({ dir: dirname(local), uri, create: false }, async (entry) => {
    // Non-blocking, so a FIFO put in the file's place cannot hold the run waiting for a writer.
    const file = await open(entry(basename(local)), O_RDONLY | O_NOFOLLOW | O_NONBLOCK).catch(
      (error: unknown) => {
        throw unreadable(uri, error);
      },
    );
    if ((await file.stat()).isFile()) return file;
    await file.close();
    throw new FileAccessError('BAD_PATH', `${uri} is not a file; name a file to read.`);
  });
}

/**
 * Creates the file at `path` (in a checked real folder, made when missing) for writing, only if
 * nothing has that name yet and without following a link, so not a byte goes outside the
 * checked folder.
 */
export async function createToWrite(path: string, uri: string): Promise<FileHandle> {
  return inRealFolder({ dir: dirname(path), uri, create: true }, (entry) =>
    open(entry(basename(path)), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o666).catch(
      (error: unknown) => {
        throw new FileAccessError('BAD_PATH', `${uri} cannot be written: ${reasonOf(error)}.`);
      },
    ),
  );
}
