import type { PlanStep } from '@sluice/compiler';
import { stageUri } from '@sluice/compiler';

import { databaseErrorText } from './database-error-text';

/** DuckDB's error on a row of a CSV file it reads, which does not name the file. */
const CSV_ERROR = /\bCSV Error on Line: \d+/;

/** A step that failed, carrying the database's error. */
export class StepFailure extends Error {
  /** An inlined stage whose own SQL fails the same way (see `blameInlined`). */
  private blamed: string | undefined;

  constructor(
    readonly step: PlanStep,
    readonly reason: unknown,
  ) {
    super(databaseErrorText(reason), { cause: reason });
  }

  /** Puts the failure on an inlined stage of the step whose own SQL fails alike. */
  blame(stageId: string): void {
    this.blamed = stageId;
  }

  /**
   * The stage the failure belongs to: an inlined stage whose own SQL fails alike, a file source
   * inlined into the step when the error is about its file (names it, or is DuckDB's CSV error
   * and the step reads one file), otherwise the step's own stage.
   */
  stageId(): string | undefined {
    if (this.blamed !== undefined) return this.blamed;
    const inlined = (this.step.files ?? []).filter((f) => f.stageId !== undefined);
    const named = inlined.find((f) => this.message.includes(stageUri(f.ref)));
    const [only] = inlined;
    const csv = inlined.length === 1 && CSV_ERROR.test(this.message) ? only : undefined;
    return (named ?? csv)?.stageId ?? this.step.stageId;
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
