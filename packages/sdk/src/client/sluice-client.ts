import type { TRPCClient } from '@trpc/client';

import type { Diagnostic } from '@sluice/flow';
import type { AppRouter, RouterInputs, RouterOutputs, RunDetail } from '@sluice/server';
import { FlowNameSchema } from '@sluice/flow';

import type { RunEvent } from './run-events';
import type { ClientOptions } from './trpc-client';
import { Flow } from '../builder/flow';
import {
  errorCode,
  request,
  requestError,
  SluiceRequestError,
  StaleSaveError,
} from './client-errors';
import { runEvents } from './run-events';
import { validateOnServer } from './server-validate';
import { subscriptionIterator } from './subscription-iterator';
import { createTrpcClient } from './trpc-client';

type FlowSummary = RouterOutputs['flow']['list'][number];
/** What starting a run may choose besides the flow: whatever `run.start` takes. */
export type StartRunOptions = Omit<RouterInputs['run']['start'], 'flowId' | 'startedBy'>;

/** What makes two flow names one on the server: trimmed, NFC-normalised and lower-cased. */
const nameKey = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase('en-US');

const TERMINAL: ReadonlySet<RunDetail['state']> = new Set([
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
]);

/** A Sluice server's flows and runs, through the API the editor uses. */
export interface SluiceClient {
  /** The typed tRPC client underneath, for procedures this client does not wrap. */
  trpc: TRPCClient<AppRouter>;
  flows: {
    /** Every flow, most recently changed first. */
    list(): Promise<FlowSummary[]>;
    /** The flow with this id or name (a name in any letter case), at its latest version. */
    get(nameOrId: string): Promise<Flow>;
    /** Saves `flow` as a new flow under its name; the flow is then `saved` at version 1. */
    create(flow: Flow): Promise<{ id: string; version: number }>;
    /**
     * Saves `flow` as a new version on top of `baseVersion` (the version it was read or last
     * saved at when left out). @throws StaleSaveError when someone saved after that version.
     */
    save(flow: Flow, options?: { baseVersion?: number }): Promise<{ version: number }>;
    /**
     * The diagnostics the editor shows for `flow` open on this server: `flow.validate()` with
     * the server's target and external stages, and the columns it detects in files and tables.
     */
    validate(flow: Flow): Promise<Diagnostic[]>;
  };
  runs: {
    /** Starts a run of the flow's latest saved version. @throws SluiceRequestError with diagnostics. */
    start(flowId: string, options?: StartRunOptions): Promise<{ runId: string }>;
    get(runId: string): Promise<RunDetail>;
    /** The run's stage and state events as they happen, ending when the run ends. */
    watch(runId: string): AsyncGenerator<RunEvent>;
    /** The run as it ended: succeeded, failed, cancelled or interrupted. */
    wait(runId: string): Promise<RunDetail>;
  };
}

/**
 * A client of the Sluice server at `url`.
 * @example
 * const sluice = createClient({ url: 'http://127.0.0.1:4310' });
 * const { runId } = await sluice.runs.start(flowId);
 * const run = await sluice.runs.wait(runId); // run.state === 'succeeded'
 */
export function createClient(options: ClientOptions): SluiceClient {
  const trpc = createTrpcClient(options);

  const snapshots = (runId: string) =>
    subscriptionIterator<RunDetail>((handlers) => trpc.run.events.subscribe({ runId }, handlers));

  async function* watch(runId: string): AsyncGenerator<RunEvent> {
    let before: RunDetail | undefined;
    for await (const detail of snapshots(runId)) {
      yield* runEvents(before, detail);
      before = detail;
      if (TERMINAL.has(detail.state)) return;
    }
  }

  const flows: SluiceClient['flows'] = {
    list: () => request(() => trpc.flow.list.query()),
    async get(nameOrId) {
      const all = await flows.list();
      const key = nameKey(nameOrId);
      const match = all.find((f) => f.id === nameOrId) ?? all.find((f) => nameKey(f.name) === key);
      if (!match) {
        const names = all.map((f) => `"${f.name}"`).join(', ') || 'none';
        throw new SluiceRequestError(
          `No flow has the id or name "${nameOrId}" (the flows: ${names}).`,
          { code: 'NOT_FOUND' },
        );
      }
      const record = await request(() => trpc.flow.byId.query({ id: match.id }));
      return Flow.fromDocument(record.document, {
        name: record.name,
        saved: { id: record.id, version: record.version },
      });
    },
    async create(flow) {
      const name = FlowNameSchema.safeParse(flow.name);
      if (!name.success) {
        throw new SluiceRequestError(
          'Give the flow a name before creating it: createFlow({ name }), or set flow.name.',
          { code: 'BAD_REQUEST' },
        );
      }
      const document = flow.toDocument();
      const record = await request(() => trpc.flow.create.mutate({ name: flow.name, document }));
      flow.saved = { id: record.id, version: record.version };
      return flow.saved;
    },
    async save(flow, { baseVersion = flow.saved?.version } = {}) {
      const id = flow.saved?.id;
      if (id === undefined || baseVersion === undefined) {
        throw new SluiceRequestError(
          `Flow "${flow.name}" is not on the server yet; create it with flows.create(flow).`,
          { code: 'BAD_REQUEST' },
        );
      }
      const document = flow.toDocument();
      try {
        const { version } = await trpc.flow.save.mutate({ id, baseVersion, document });
        flow.saved = { id, version };
        return { version };
      } catch (error) {
        if (errorCode(error) !== 'CONFLICT') throw requestError(error);
        const current = await request(() => trpc.flow.byId.query({ id }));
        const message = error instanceof Error ? error.message : String(error);
        throw new StaleSaveError(message, {
          flowId: id,
          baseVersion,
          currentVersion: current.version,
        });
      }
    },
    validate: (flow) => request(() => validateOnServer(trpc, flow)),
  };

  return {
    trpc,
    flows,
    runs: {
      start: (flowId, startOptions = {}) =>
        request(() => trpc.run.start.mutate({ flowId, startedBy: 'api', ...startOptions })),
      get: (runId) => request(() => trpc.run.byId.query({ runId })),
      watch,
      async wait(runId) {
        let last: RunDetail | undefined;
        for await (const event of watch(runId)) last = event.run;
        if (last && TERMINAL.has(last.state)) return last;
        const now = await request(() => trpc.run.byId.query({ runId }));
        if (TERMINAL.has(now.state)) return now;
        throw new SluiceRequestError(
          `The server stopped sending updates of run ${runId} while it was ${now.state}; wait for it again.`,
          { code: 'CLIENT_CLOSED_REQUEST' },
        );
      },
    },
  };
}
