import type { ApiClient } from './api-client';
import { apiClient } from './api-client';
import { edited, hundredStageFlow } from './bench-flow';
import { Timings } from './latency';

/** What one round of concurrent editing measured. */
export interface EditRound {
  load: Timings;
  save: Timings;
  /** How long the round took, from the first load to the last save. */
  seconds: number;
}

/** Creates a client's own copy of the 100-stage flow. */
export async function ownFlow(client: ApiClient, name: string): Promise<string> {
  const created = await client.flow.create.mutate({ name, document: hundredStageFlow() });
  return created.id;
}

/**
 * `clients` editors at once, each on its own 100-stage flow, each doing `iterations` times what
 * the editor does: load the flow, change it, save it carrying the version it loaded. Every
 * client saves only its own flow, so a stale-save conflict here would be a fault, and counts as
 * a failure like any other error.
 */
export async function editRound(
  url: string,
  options: { round: number; clients: number; iterations: number },
): Promise<EditRound> {
  const load = new Timings();
  const save = new Timings();
  const clients = await Promise.all(
    Array.from({ length: options.clients }, async (_, c) => {
      const client = apiClient(url);
      return {
        client,
        id: await ownFlow(client, `Bench round ${String(options.round)} editor ${String(c)}`),
      };
    }),
  );
  const editor = async ({ client, id }: { client: ApiClient; id: string }): Promise<void> => {
    for (let i = 0; i < options.iterations; i++) {
      const flow = await load.time(() => client.flow.byId.query({ id }));
      if (!flow) continue;
      await save.time(() =>
        client.flow.save.mutate({
          id,
          baseVersion: flow.version,
          document: edited(flow.document, i),
        }),
      );
    }
  };
  const started = performance.now();
  await Promise.all(clients.map(editor));
  return { load, save, seconds: (performance.now() - started) / 1000 };
}
