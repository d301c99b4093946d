import type { ExternalStageRecord } from './external-stage-types';
import { InvalidRequestError } from '../errors';
import { parseSubStageUrl } from './external-stage-url';

type Named = Pick<ExternalStageRecord, 'name' | 'url'>;

/** Where a file of an external stage really is: the stage holding storage and the path in it. */
export interface StageRoot {
  stage: Named;
  /** The sub-stage folders joined, `''` for a stage that holds storage itself. */
  prefix: string;
}

/**
 * Follows `stage://parent/sub/` links from `name` up to the stage with a `file://` or `s3://`
 * URL. A chain through a missing stage or back onto itself is refused (MatrixOne before 4.2 can
 * hang on a cycle, sql-reference.md §1.2).
 */
export function rootOf(name: string, stages: readonly Named[]): StageRoot {
  const byName = new Map(stages.map((stage) => [stage.name, stage]));
  const seen = new Set<string>();
  let current = byName.get(name);
  let prefix = '';
  while (current?.url.startsWith('stage://')) {
    seen.add(current.name);
    const { parent, sub } = parseSubStageUrl(current.url);
    if (seen.has(parent)) {
      throw new InvalidRequestError(
        `External stage "${current.name}" leads back to "${parent}" through stage:// URLs; point one of them at a file:// or s3:// URL.`,
      );
    }
    prefix = `${sub}${prefix}`;
    current = byName.get(parent);
    if (!current) {
      throw new InvalidRequestError(
        `External stage "${[...seen].at(-1) ?? name}" points at stage://${parent}/, which does not exist; create "${parent}" first or change the URL.`,
      );
    }
  }
  if (!current) {
    throw new InvalidRequestError(`External stage "${name}" does not exist.`);
  }
  return { stage: current, prefix };
}

/**
 * The external stages whose files live on S3, directly or as sub-stages of one, for the
 * compiler's `s3ExternalStages`. A stage whose chain is broken is left out: using it refuses
 * the run with `rootOf`'s own message.
 */
export function s3StageNames(stages: readonly Named[]): string[] {
  return stages
    .filter((stage) => {
      try {
        return rootOf(stage.name, stages).stage.url.startsWith('s3://');
      } catch {
        return false;
      }
    })
    .map((stage) => stage.name);
}
