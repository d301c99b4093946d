/**
 * The `<flow>` argument of a command: a flow file (a path ending in `.json`, or any file that
 * exists) read and checked here, or the name of a flow saved on the server or database.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import type { FlowDocument, FlowFile } from '@sluice/flow';
import { formatFlowFileIssue, readFlowFile } from '@sluice/flow';

import type { SluiceClient } from './connection';
import { invocationDir } from '../env';
import { CliError, EXIT_CODES } from './exit-codes';

export type FlowSource =
  | { kind: 'file'; file: FlowFile; name: string; document: FlowDocument }
  | { kind: 'saved'; id: string; version: number; name: string; document: FlowDocument };

/** Relative paths are from where the command was typed, also under `npm run` (`INIT_CWD`). */
const pathOf = (argument: string): string => resolve(invocationDir(), argument);

export const isFileArgument = (argument: string): boolean =>
  argument.endsWith('.json') || existsSync(pathOf(argument));

/** Reads and checks a flow file; each problem is one line with its path in the file. */
export async function readFlowFileAt(argument: string): Promise<FlowFile> {
  const path = pathOf(argument);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Cannot read the flow file ${path}: ${reason}`, EXIT_CODES.usage);
  }
  const read = readFlowFile(text);
  if (read.ok) return read.file;
  const lines = read.issues.map((issue) => `  ${formatFlowFileIssue(issue)}`);
  throw new CliError(
    [`${path} is not a valid flow file:`, ...lines].join('\n'),
    EXIT_CODES.invalid,
  );
}

/** The saved flow named `name`, case and Unicode form aside as in flow names' uniqueness. */
export async function savedFlowNamed(
  client: SluiceClient,
  name: string,
): Promise<{ id: string; version: number; name: string; document: FlowDocument } | undefined> {
  const key = (text: string): string => text.normalize('NFC').toLocaleLowerCase('en-US');
  const found = (await client.flow.list.query()).find((flow) => key(flow.name) === key(name));
  if (found === undefined) return undefined;
  const flow = await client.flow.byId.query({ id: found.id });
  return { id: flow.id, version: flow.version, name: flow.name, document: flow.document };
}

/** The flow `argument` names: a file's flow, or a saved one. */
export async function flowSource(
  client: SluiceClient,
  argument: string,
  where: string,
): Promise<FlowSource> {
  if (isFileArgument(argument)) {
    const file = await readFlowFileAt(argument);
    return { kind: 'file', file, name: file.name, document: file.document };
  }
  const saved = await savedFlowNamed(client, argument);
  if (saved === undefined) {
    throw new CliError(
      `There is no flow named "${argument}" on ${where}. Run \`sluice list\` to see the flows, or give a .sluice.json file.`,
      EXIT_CODES.invalid,
    );
  }
  return { kind: 'saved', ...saved };
}
