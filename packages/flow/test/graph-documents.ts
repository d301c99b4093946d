import type { FlowDocument, Link } from '../src/flow-schema';

/** A stage of a type the graph functions do not look at: only its id and ports matter. */
export const stage = (id: string) => ({
  id,
  type: 't',
  typeVersion: 1,
  label: id,
  position: { x: 0, y: 0 },
  config: {},
});

/** A link from `from`'s `out` port into `to`'s `port`. */
export const link = (from: string, to: string, port = 'in'): Link => ({
  id: `${from}-${to}-${port}`,
  source: { stageId: from, port: 'out' },
  target: { stageId: to, port },
});

/** A document of the stages `ids`, linked by `links`. */
export const graphDocument = (ids: string[], links: Link[]): FlowDocument => ({
  schemaVersion: 1,
  stages: ids.map(stage),
  links,
});
