import { posix } from 'node:path';

import type { Plan, PlanFile } from '@sluice/compiler';
import type { Target, TargetClaim } from '@sluice/engine';
import type { TableRef } from '@sluice/stages';
import { DestinationHeldError } from '@sluice/engine';

import type { ExternalStageRecord } from '../external-stages/external-stage-types';
import { ConflictError } from '../errors';
import { rootOf } from '../external-stages/stage-chain';

/** Who holds a destination: the run writing it and the flow it belongs to. */
interface Claim {
  runId: string;
  flowName: string;
}

/** The claim key of a destination table: its database (or `defaultSchema`) and name. */
export function tableClaimKey(defaultSchema: string, table: TableRef): string {
  return `table:${JSON.stringify([table.schema ?? defaultSchema, table.name]).toLowerCase()}`;
}

type Named = Pick<ExternalStageRecord, 'name' | 'url'>;

/**
 * The claim key of an export file: the real file, so two stages on one folder (or a sub-stage
 * and its parent) writing it share the key. Where Sluice opens files the plan carries the local
 * path; on MatrixOne, which opens them itself, the root stage of the sub-stage chain and the
 * full path below it.
 */
function fileClaimKey(file: PlanFile, stages: readonly Named[]): string {
  if (file.local !== undefined) return `file:${JSON.stringify(['local', file.local])}`;
  const { stage, prefix } = rootOf(file.ref.externalStage, stages);
  const path = posix.normalize(`${prefix}${file.ref.path}`);
  return `file:${JSON.stringify(['stage', stage.name, path])}`;
}

/**
 * What a plan writes, as keys two plans share exactly when they write the same thing: tables
 * by database and name, export files by the file they write (`fileClaimKey`). Table names
 * compare without case, since MySQL-family servers may fold them.
 */
function destinationsOf(
  plan: Plan,
  defaultSchema: string,
  stages: readonly Named[],
): Map<string, string> {
  const found = new Map<string, string>();
  for (const table of plan.destinations) {
    const shown = table.schema === undefined ? table.name : `${table.schema}.${table.name}`;
    found.set(tableClaimKey(defaultSchema, table), `table "${shown}"`);
  }
  for (const step of plan.steps) {
    for (const file of step.files ?? []) {
      if (file.mode !== 'write') continue;
      const { externalStage, path } = file.ref;
      found.set(fileClaimKey(file, stages), `file "${path}" of external stage "${externalStage}"`);
    }
  }
  return found;
}

/** A run's claim: `release` frees it; `lost` aborts when the target's hold ended first. */
export interface HeldClaim {
  release: () => Promise<void>;
  lost: AbortSignal;
}

/**
 * The tables and files runs are writing. Two flows writing one table at once would interleave
 * their staging, swaps and undo on MySQL-family targets (and replace each other's exports
 * everywhere), so a run whose destinations another run holds is refused until that one ends.
 * Runs of this process are known here, which names the flow holding a destination; runs of
 * other Sluice servers on the same database are seen through the claims held in the target.
 */
export class DestinationClaims {
  private readonly held = new Map<string, Claim>();

  /** `defaultSchema`: where a table named without a schema lives, so `t` and `db.t` are one. */
  constructor(
    private readonly target: Target,
    private readonly defaultSchema: string,
  ) {}

  /**
   * Claims every destination of `plan` and its run tag for the run, here and in the target, or
   * refuses with CONFLICT naming the holder. `stages`: the external stages, whose sub-stage
   * chains tell which files are one.
   */
  async claim(plan: Plan, claim: Claim, stages: readonly Named[]): Promise<HeldClaim> {
    const wanted = destinationsOf(plan, this.defaultSchema, stages);
    for (const [key, shown] of wanted) {
      const holder = this.held.get(key);
      if (holder) {
        throw new ConflictError(
          `The ${shown} is being written by a run of flow "${holder.flowName}" (run ${holder.runId}). Wait for it to end or cancel it, then run again.`,
        );
      }
    }
    // Held here before waiting on the target, so a second start in this process is refused.
    for (const key of wanted.keys()) this.held.set(key, claim);
    const releaseHere = () => {
      for (const key of wanted.keys()) this.held.delete(key);
    };
    let inTarget: TargetClaim;
    try {
      inTarget = await this.target.claim({ runTag: plan.runTag, destinations: [...wanted.keys()] });
    } catch (error) {
      releaseHere();
      if (!(error instanceof DestinationHeldError)) throw error;
      throw new ConflictError(
        `The ${wanted.get(error.destination) ?? 'destination'} is being written by a run on another Sluice server using this database. Wait for it to end or cancel it there, then run again.`,
      );
    }
    return {
      lost: inTarget.lost,
      release: async () => {
        releaseHere();
        await inTarget.release();
      },
    };
  }
}
