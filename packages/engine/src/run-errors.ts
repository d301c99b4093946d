import type { PlanStep } from '@sluice/compiler';

import { databaseErrorText } from './database-error-text';

/** A step that failed, carrying the database's error. */
export class StepFailure extends Error {
  constructor(
    readonly step: PlanStep,
    readonly reason: unknown,
  ) {
    super(databaseErrorText(reason), { cause: reason });
  }
}

/** A cancel that stopped the run between two statements. */
export class RunCancelled extends Error {}

/** An export written under its temporary name that could not be moved into place. */
export class ExportNotMoved extends Error {
  constructor(
    readonly stageId: string | undefined,
    reason: unknown,
  ) {
    super(databaseErrorText(reason), { cause: reason });
  }
}
