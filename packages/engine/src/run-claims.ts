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

/** What a start-up sweep did: the staging objects it dropped and those it left, with why. */
export interface StagingSweep {
  dropped: string[];
  kept: { name: string; reason: string }[];
}

/** The run tags the server gives: eight lowercase hex digits, the shape the sweep recognises. */
const RUN_TAG = /^[0-9a-f]{8}$/;
/** A staging name of a run whose tag has that shape: `__sluice_<tag>_<stage…>` (names.ts). */
const STAGING_NAME = /^__sluice_([0-9a-f]{8})_./;

/** A fresh run tag for a plan's staging names. */
export function newRunTag(): string {
  return randomBytes(4).toString('hex');
}

/** True for a tag `newRunTag` could have made. */
export function isRunTag(tag: string): boolean {
  return RUN_TAG.test(tag);
}

/** The run tag a staging object's name carries, or undefined for a name that is not staging. */
export function stagingRunTag(name: string): string | undefined {
  return STAGING_NAME.exec(name)?.[1];
}
