import type { ApiClient } from './api-client';
import { apiClient } from './api-client';
import { edited, hundredStageFlow } from './bench-flow';
import { Timings } from './latency';

/** What one round of concurrent editing measured. */
export interface EditRound {
  load: Timings;
  save: Timings;
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
  const editor = async (c: number): Promise<void> => {
    const client = apiClient(url);
    const id = await ownFlow(client, `Bench round ${String(options.round)} editor ${String(c)}`);
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
  await Promise.all(Array.from({ length: options.clients }, (_, c) => editor(c)));
  return { load, save };
}
