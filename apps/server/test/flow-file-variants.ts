/** Flow files the CLI tests write next to the sample: the sample changed in one way each. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { FlowFile } from '@sluice/flow';

import { SAMPLE_FLOW } from './sluice-cli';

export async function sampleFlowFile(): Promise<FlowFile> {
  return JSON.parse(await readFile(SAMPLE_FLOW, 'utf8')) as FlowFile;
}

/** Writes the sample, changed by `change`, as `<dir>/<name>.sluice.json`, and returns its path. */
export async function writeVariant(
  dir: string,
  name: string,
  change: (file: FlowFile) => void,
): Promise<string> {
  const file = await sampleFlowFile();
  file.name = name;
  change(file);
  const path = join(dir, `${name.replaceAll(' ', '-')}.sluice.json`);
  await writeFile(path, JSON.stringify(file));
  return path;
}

/** The sample with a filter condition the database refuses when it runs: the run fails. */
export const failingCondition = (file: FlowFile): void => {
  file.document.stages[1]!.config = { condition: 'no_such_function(amount) > 1' };
};

/** The sample with the filter's input link removed: the flow has an error and cannot run. */
export const unlinkedFilter = (file: FlowFile): void => {
  file.document.links = file.document.links.filter((link) => link.target.stageId !== 'paid');
};
