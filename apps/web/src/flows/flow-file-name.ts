import { FLOW_FILE_EXTENSION } from '@sluice/flow';

/**
 * The name a flow's exported file gets: the flow's name with the characters Windows, macOS or
 * Linux refuse in file names (and control characters) made "-", none at either end, then
 * `.sluice.json`.
 */
export function flowFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being refused
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[-\s]+|[-\s]+$/g, '');
  return `${base === '' ? 'flow' : base}${FLOW_FILE_EXTENSION}`;
}
