import { z } from 'zod';

import type { FlowDocument, Link, Note, Stage } from '@sluice/flow';
import {
  FLOW_LIMITS,
  FLOW_SCHEMA_VERSION,
  LinkSchema,
  NOTE_LIMITS,
  NoteSchema,
  StageSchema,
} from '@sluice/flow';

/** Marks clipboard text as stages copied from Sluice, so other JSON is never taken for them. */
export const STAGE_CLIPBOARD_KIND = 'sluice/stages';

/**
 * What copy puts on the system clipboard: chosen stages with the links between them, and
 * chosen notes. Clipboards of a Sluice that knew no notes simply have none.
 */
export const StageClipboardSchema = z
  .object({
    kind: z.literal(STAGE_CLIPBOARD_KIND),
    schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
    // Whatever a flow can hold can be copied whole.
    stages: z.array(StageSchema).max(FLOW_LIMITS.stages),
    links: z.array(LinkSchema).max(FLOW_LIMITS.links),
    notes: z.array(NoteSchema).max(NOTE_LIMITS.count).optional(),
  })
  .refine((clip) => clip.stages.length + (clip.notes?.length ?? 0) > 0, {
    message: 'A clipboard of stages holds at least one stage or note.',
  })
  .refine(
    (clip) => {
      const ids = new Set(clip.stages.map((s) => s.id));
      return (
        ids.size === clip.stages.length &&
        clip.links.every((l) => ids.has(l.source.stageId) && ids.has(l.target.stageId))
      );
    },
    { message: 'Links must join copied stages, and stage ids must be unique.' },
  );
export type StageClipboard = z.infer<typeof StageClipboardSchema>;

/**
 * The clipboard payload of the stages and notes `ids` of `doc`, with the links whose both ends
 * are among them; undefined when `ids` names neither. Configs travel whole: no stage field is
 * secret, since credentials live encrypted in external stages on the server and configs name
 * them only.
 */
export function clipboardFromStages(
  doc: FlowDocument,
  ids: readonly string[],
): StageClipboard | undefined {
  const chosen = new Set(ids);
  const stages: Stage[] = doc.stages.filter((s) => chosen.has(s.id));
  const notes: Note[] = (doc.notes ?? []).filter((n) => chosen.has(n.id));
  if (stages.length === 0 && notes.length === 0) return undefined;
  const links: Link[] = doc.links.filter(
    (l) => chosen.has(l.source.stageId) && chosen.has(l.target.stageId),
  );
  return {
    kind: STAGE_CLIPBOARD_KIND,
    schemaVersion: FLOW_SCHEMA_VERSION,
    stages,
    links,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** Reads clipboard text as copied stages; undefined for anything else (plain text, other JSON). */
export function parseStageClipboard(text: string): StageClipboard | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = StageClipboardSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
