import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import type { CompileOptions, FlowAnalysis, Plan } from '@sluice/compiler';
import type { RunClient, RunEvent, Target } from '@sluice/engine';
import type { Diagnostic, ParameterInput, ParameterValue } from '@sluice/flow';
import { analyzeFlow, compileFlow, destinationTables, maskCredentials } from '@sluice/compiler';
import { inStageTerms, newRunTag, runPlan } from '@sluice/engine';
import { cutFlow, hasErrors, resolveParameterValues } from '@sluice/flow';
import { getStage } from '@sluice/stages';

import type { ExternalStagesRepo } from '../repos/external-stages.repo';
import type { FlowRecord, FlowsRepo } from '../repos/flows.repo';
import type { RunsRepo, StagePeek } from '../repos/runs.repo';
import type { RunDetail, RunEnding, RunStarter } from './run-types';
import { ConflictError, InvalidRequestError, ParameterValueError } from '../errors';
import { s3StageNames } from '../external-stages/stage-chain';
import { externalStageProblems } from '../external-stages/stage-problems';
import { logger } from '../logger';
import { DestinationClaims } from './destination-claims';
import { detectFlowColumns, resolveFlowFiles, stageFolderPlaces } from './flow-files';
import { RunEvents } from './run-events';
import { LiveRuns } from './run-live';
import { isTerminal } from './run-types';
import { sourceTableColumns } from './source-tables';

export interface RunManagerDeps {
  target: Target;
  flows: FlowsRepo;
  runs: RunsRepo;
  externalStages: ExternalStagesRepo;
  fileRoots: readonly string[];
  /** Where a destination table named without a schema lives (the URL's database, or `main`). */
  defaultSchema: string;
  /** Where the metadata tables live; a flow naming it is refused (`CompileOptions`). */
  metadataSchema: string;
}

interface ActiveRun {
  controller: AbortController;
  done: Promise<void>;
}

/** How a run starts: by whom, and on which saved version (the latest unless given). */
export interface StartOptions {
  startedBy: RunStarter;
  version?: number;
  /** Run only these stages and everything upstream of them. */
  stageIds?: readonly string[];
  /** Values for the flow's parameters by name; the others take their defaults. */
  parameters?: Readonly<Record<string, ParameterInput>>;
}

/** Why a flow is busy: a run of it is starting or running, or it is being deleted. */
type FlowHold = { kind: 'run'; runId: string } | { kind: 'delete' };

/** How long `cancel` waits for the interrupted statement to stop before answering. */
const CANCEL_WAIT_MS = 2000;

function refusal(diagnostics: readonly Diagnostic[]): InvalidRequestError {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const more =
    errors.length > 1 ? ` (${errors.length - 1} more problem(s) are marked on the canvas)` : '';
  return new InvalidRequestError(
    `The flow cannot run until it is fixed: ${errors[0]?.message ?? 'it has errors'}${more}`,
    diagnostics,
  );
}

/** Text of a run the browser may see: no secrets, and each local file by its stage:// form. */
type Shown = (text: string) => string;

/** An engine event or outcome as stored and published: its SQL and error as `shown` writes them. */
function asShown<T extends { sql?: string; error?: string }>(item: T, shown: Shown): T {
  return {
    ...item,
    ...(item.sql === undefined ? {} : { sql: shown(item.sql) }),
    ...(item.error === undefined ? {} : { error: shown(item.error) }),
  };
}

/**
 * The flow as a partial run of `stageIds` sees it: those stages and their upstream only, so
 * the run records, compiles and claims nothing else. The whole flow when none are given.
 */
function partOf(flow: FlowRecord, stageIds: readonly string[] | undefined): FlowRecord {
  if (stageIds === undefined) return flow;
  const cut = cutFlow(flow.document, stageIds);
  if (!cut.ok) {
    throw new InvalidRequestError(
      `Run up to here names stages the saved flow does not have (${cut.unknown.join(', ')}); save the flow or select other stages.`,
    );
  }
  return { ...flow, document: cut.flow };
}

/**
 * Compiles for the target, telling the plan which destination tables exist already (MySQL
 * shadow swaps, missing-table diagnostics) and how the catalogue defines them (an overwrite
 * keeps a table that fits, an upsert checks its keys): the destinations are read from the
 * run's analysis.
 */
async function compileForRun(
  analysis: FlowAnalysis,
  target: Target,
  options: Omit<CompileOptions, 'target' | 'existingTables' | 'tableDefinitions'>,
): Promise<{ plan?: Plan; diagnostics: Diagnostic[] }> {
  const existingTables = await target.existingTables(destinationTables(analysis));
  const tableDefinitions = await target.describeTables(existingTables);
  return compileFlow(analysis, {
    ...options,
    target: target.profile,
    existingTables,
    tableDefinitions,
  });
}

/**
 * Starts, tracks and cancels runs. Each run gets its own target connection so cancelling can
 * interrupt its statement without touching metadata work; every engine event is persisted to
 * `run_stages` (secrets masked) and then published to watchers as a full snapshot.
 */
export class RunManager {
  private readonly active = new Map<string, ActiveRun>();
  /** Held from the first line of `start` until the run ends, so a flow runs once at a time. */
  private readonly busyFlows = new Map<string, FlowHold>();
  private readonly events = new RunEvents();
  private readonly live = new LiveRuns();
  private readonly claims: DestinationClaims;

  constructor(private readonly deps: RunManagerDeps) {
    this.claims = new DestinationClaims(deps.target, deps.defaultSchema);
  }

  /**
   * Compiles the latest saved version (or `options.version`) and starts it; refuses flows with
   * error diagnostics and flows that are already running or being deleted. With
   * `options.stageIds` only those stages and everything upstream of them run (a partial run, as
   * atomic as a whole one).
   */
  async start(flowId: string, options: StartOptions): Promise<{ runId: string }> {
    const runId = randomUUID();
    this.hold(flowId, { kind: 'run', runId }, (held) =>
      held.kind === 'run'
        ? `This flow is already running (run ${held.runId}). Wait for it or cancel it.`
        : 'This flow is being deleted.',
    );
    try {
      return await this.prepareAndStart(flowId, runId, options);
    } catch (error) {
      this.busyFlows.delete(flowId);
      throw error;
    }
  }

  /** Deletes a flow, refusing while it runs; no run of it can start during the delete. */
  async deleteFlow(flowId: string): Promise<void> {
    this.hold(flowId, { kind: 'delete' }, (held) =>
      held.kind === 'run'
        ? `This flow is running (run ${held.runId}); cancel the run or wait for it to end, then delete.`
        : 'This flow is already being deleted.',
    );
    try {
      await this.deps.flows.delete(flowId);
    } finally {
      this.busyFlows.delete(flowId);
    }
  }

  /** Marks the flow busy, synchronously, or refuses with CONFLICT when it already is. */
  private hold(flowId: string, hold: FlowHold, refusal: (held: FlowHold) => string): void {
    const held = this.busyFlows.get(flowId);
    if (held) throw new ConflictError(refusal(held));
    this.busyFlows.set(flowId, hold);
  }

  /** Runs a past run's flow version again with its parameter values, as a new run. */
  async rerun(runId: string): Promise<{ runId: string }> {
    const past = await this.deps.runs.byId(runId);
    return this.start(past.flowId, {
      startedBy: 'rerun',
      version: past.flowVersion,
      ...(past.parameters === undefined ? {} : { parameters: past.parameters }),
    });
  }

  private async prepareAndStart(
    flowId: string,
    runId: string,
    { startedBy, version, stageIds, parameters }: StartOptions,
  ): Promise<{ runId: string }> {
    const { flows, externalStages, fileRoots, metadataSchema, target } = this.deps;
    const flow = partOf(
      version === undefined ? await flows.byId(flowId) : await flows.atVersion(flowId, version),
      stageIds,
    );
    const declared = flow.document.parameters ?? [];
    const { values, problems: refused } = resolveParameterValues(declared, parameters);
    if (refused.length > 0) throw new ParameterValueError(refused);
    const known = await externalStages.list();
    // The flow is analysed once; files, columns, destinations and the plan all come from it.
    const analysis = analyzeFlow(flow.document, {
      metadataSchema,
      parameters: { dialect: target.profile.dialect, values },
    });
    // Flow problems come first: files are only worth checking in a flow that could run.
    const problems = [...analysis.diagnostics, ...externalStageProblems(analysis, known)];
    if (hasErrors(problems)) throw refusal(problems);
    const { dialect } = target.profile;
    // MatrixOne reads `stage://` files on its own servers; the others get them from Sluice.
    const files = { externalStages: known, fileRoots };
    const resolveFile =
      dialect === 'matrixone' ? undefined : await resolveFlowFiles(analysis, files);
    const detectedColumns = {
      ...(await detectFlowColumns(analysis, {
        ...files,
        ...(resolveFile === undefined ? {} : { resolveFile }),
        detect: (local, format, uri) => target.detectColumns(local, format, uri),
      })),
      ...(await sourceTableColumns(analysis, target)),
    };
    const { plan, diagnostics } = await compileForRun(analysis, target, {
      runTag: newRunTag(),
      s3ExternalStages: s3StageNames(known),
      ...(resolveFile === undefined ? {} : { resolveFile }),
      detectedColumns,
    });
    if (!plan || hasErrors(diagnostics)) throw refusal(diagnostics);
    const places = await stageFolderPlaces(known);
    const shown: Shown = (text) => inStageTerms(maskCredentials(text), places);
    const { release, lost } = await this.claims.claim(plan, { runId, flowName: flow.name }, known);
    try {
      await this.createRun(runId, flow, {
        startedBy,
        ...(declared.length === 0 ? {} : { parameters: values }),
      });
    } catch (error) {
      await release();
      throw error;
    }
    const controller = new AbortController();
    // A lost claim stops the run as a cancel would, and the run reports why it failed.
    // The flow is free again before watchers see the run end, so a client that starts the next
    // run as soon as this one ends is not refused as busy.
    let settled: Promise<void> | undefined;
    const settle = (): Promise<void> =>
      (settled ??= release()
        .catch((error: unknown) =>
          logger.error(`Run ${runId}: its claims were not released`, error),
        )
        .finally(() => {
          this.active.delete(runId);
          this.busyFlows.delete(flowId);
        }));
    const options = { signal: AbortSignal.any([controller.signal, lost]), shown, settle };
    const done = this.execute(runId, plan, options).finally(settle);
    this.active.set(runId, { controller, done });
    return { runId };
  }

  private async createRun(
    runId: string,
    flow: FlowRecord,
    how: { startedBy: RunStarter; parameters?: Record<string, ParameterValue> },
  ): Promise<void> {
    await this.deps.runs.create({
      id: runId,
      flowId: flow.id,
      flowVersion: flow.version,
      ...how,
      stages: flow.document.stages.map((s) => ({
        stageId: s.id,
        label: s.label || (getStage(s.type)?.ui.label ?? s.type),
        type: s.type,
      })),
    });
  }

  /**
   * Stops a run: interrupts its statement and waits briefly for it to end. Finished runs stay as
   * they are, so cancelling twice is harmless.
   */
  async cancel(runId: string): Promise<void> {
    const run = await this.deps.runs.byId(runId);
    const active = this.active.get(runId);
    if (active) {
      active.controller.abort();
      await Promise.race([active.done, sleep(CANCEL_WAIT_MS, undefined, { ref: false })]);
    } else if (!isTerminal(run.state)) {
      await this.end(runId, { state: 'cancelled', error: 'The run was cancelled.' });
    }
  }

  /** The run's snapshots from now until it ends (see `RunEvents.watch`). */
  watch(runId: string, signal?: AbortSignal): AsyncGenerator<RunDetail> {
    return this.events.watch(runId, () => this.detail(runId), signal);
  }

  /** Cancels every active run and waits for them, for a clean shutdown. */
  async shutdown(): Promise<void> {
    const all = [...this.active.values()];
    for (const run of all) run.controller.abort();
    await Promise.all(all.map((run) => run.done));
  }

  private async execute(
    runId: string,
    plan: Plan,
    { signal, shown, settle }: { signal: AbortSignal; shown: Shown; settle: () => Promise<void> },
  ): Promise<void> {
    let client: RunClient | undefined;
    let recorded: Promise<void> = Promise.resolve();
    try {
      client = await this.deps.target.connect();
      await this.deps.runs.markRunning(runId);
      await this.publish(runId);
      const outcome = await runPlan(client, plan, {
        signal,
        reconnect: () => this.deps.target.connect(),
        onEvent: (event) => {
          const masked = asShown(event, shown);
          this.live.stage(runId, masked);
          recorded = recorded.then(() => this.record(runId, masked));
        },
        onStatement: (event) => this.live.statement(runId, asShown(event, shown)),
        onProgress: (event) => {
          this.live.progress(runId, event);
          recorded = recorded.then(() => this.publish(runId));
        },
        onPeek: ({ stageId, columns, rows, more }) => {
          recorded = recorded.then(() => this.keepPeek(runId, { stageId, columns, rows, more }));
        },
      });
      await recorded;
      for (const warning of outcome.warnings ?? []) logger.warn(`Run ${runId}: ${warning}`);
      if (outcome.cleanupErrors) {
        logger.error(`Run ${runId} left staging objects behind`, outcome.cleanupErrors);
      }
      await this.end(runId, asShown(outcome, shown), settle);
    } catch (error) {
      logger.error(`Run ${runId} failed unexpectedly`, error);
      await recorded;
      const message = shown(error instanceof Error ? error.message : String(error));
      await this.end(runId, { state: 'failed', error: message }, settle).catch(
        (endError: unknown) => logger.error(`Run ${runId} could not be marked failed`, endError),
      );
    } finally {
      await client
        ?.close()
        .catch((closeError: unknown) =>
          logger.error(`Run ${runId}: its connection did not close`, closeError),
        );
    }
  }

  private async keepPeek(runId: string, peek: StagePeek & { stageId: string }): Promise<void> {
    try {
      await this.deps.runs.savePeek(runId, peek);
    } catch (error) {
      logger.error(`Run ${runId}: the rows of peek ${peek.stageId} could not be kept`, error);
    }
  }

  private async record(runId: string, event: RunEvent): Promise<void> {
    try {
      await this.deps.runs.updateStage(runId, event);
      await this.publish(runId);
    } catch (error) {
      logger.error(`Run ${runId}: a stage event could not be recorded`, error);
    }
  }

  /** Records the run's end, frees what it held (`settle`, when it ran here) and tells watchers. */
  private async end(runId: string, ending: RunEnding, settle?: () => Promise<void>): Promise<void> {
    const error = ending.error === undefined ? {} : { error: maskCredentials(ending.error) };
    await this.deps.runs.finish(runId, { ...ending, ...error });
    this.live.ended(runId);
    await settle?.();
    await this.publish(runId);
  }

  /** The stored run with its live view, while this server has one. */
  private async detail(runId: string): Promise<RunDetail> {
    const detail = await this.deps.runs.byId(runId);
    const live = this.live.get(runId);
    return live ? { ...detail, live: structuredClone(live) } : detail;
  }

  private async publish(runId: string): Promise<void> {
    if (!this.events.isWatched(runId)) return;
    this.events.publish(runId, await this.detail(runId));
  }
}
