import { randomBytes } from 'node:crypto';

/**
 * What a run holds in its target while it runs: its destinations (keys the server builds, one
 * per table or export file) and its run tag, which tells a start-up sweep that the staging
 * objects named with it are in use. Released on every ending of the run.
 */
export interface ClaimRequest {
  runTag: string;
  destinations: readonly string[];
}

/**
 * A run's hold on its target; `release` ends it and may be called more than once. `lost` aborts,
 * with a `ClaimLostError` as its reason, when the hold ends before `release` (its connection
 * killed, its lease lapsed): another run may then write the same destinations, so the run
 * holding it must stop.
 */
export interface TargetClaim {
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

/** Why a run stopped whose claim on its target ended before the run did. */
export class ClaimLostError extends Error {
  override name = 'ClaimLostError';

  constructor(why: string, options?: ErrorOptions) {
    super(
      `The run's claim on its destinations in the target was lost (${why}), so another run could write them; the run was stopped and its destinations left as they were. Run it again.`,
      options,
    );
  }
}

/** A destination another run holds, in this process or in another one on the same target. */
export class DestinationHeldError extends Error {
  override name = 'DestinationHeldError';

  constructor(
    readonly destination: string,
    options?: ErrorOptions,
  ) {
    super(`Destination ${destination} is held by another run.`, options);
  }
}

/**
 * Where else a start-up sweep looks. `schemas`: databases runs may have staged in beside a
 * destination (MySQL family; DuckDB looks in every schema of its file). `folders`: folders whose
 * files and subfolders may hold runs' temporary exports.
 */
export interface SweepPlaces {
  schemas?: readonly string[];
  folders?: readonly string[];
}

/** What a start-up sweep did: the staging objects it dropped and those it left, with why. */
export interface StagingSweep {
  dropped: string[];
  kept: { name: string; reason: string }[];
}

/** A fresh run tag for a plan's staging names: eight lowercase hex digits (names.ts). */
export function newRunTag(): string {
  return randomBytes(4).toString('hex');
}
