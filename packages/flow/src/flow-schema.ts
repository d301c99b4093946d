import { z } from 'zod';

import { ParametersSchema } from './flow-parameters';

/**
 * The version of the flow document shape. Bump it together with a migration in `migrations.ts`
 * when a change would refuse or reread earlier documents; an optional addition keeps it.
 */
export const FLOW_SCHEMA_VERSION = 1;

/** Stage ids, link ids and port names are short machine names, safe in any UI or SQL alias. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" and "_" only');

export const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** The longest description a stage may carry: a sentence or two shown on hover. */
export const STAGE_DESCRIPTION_MAX = 500;

/** A stage's description as a person writes it: what the stage is for, in their words. */
export const StageDescriptionSchema = z
  .string()
  .max(
    STAGE_DESCRIPTION_MAX,
    `A description holds at most ${STAGE_DESCRIPTION_MAX} characters; shorten it`,
  );

/** One node on the canvas. `config` is validated by its stage type, not here. */
export const StageSchema = z.object({
  id: IdSchema,
  type: z.string().min(1).max(64),
  typeVersion: z.number().int().positive(),
  label: z.string().max(200),
  /** Added after version 1 shipped; optional so every earlier document stays valid. */
  description: StageDescriptionSchema.optional(),
  position: PositionSchema,
  config: z.record(z.string(), z.unknown()),
});
export type Stage = z.infer<typeof StageSchema>;

export const PortRefSchema = z.object({ stageId: IdSchema, port: IdSchema });
export type PortRef = z.infer<typeof PortRefSchema>;

/** A link runs from an output port of one stage to an input port of another. */
export const LinkSchema = z.object({ id: IdSchema, source: PortRefSchema, target: PortRefSchema });
export type Link = z.infer<typeof LinkSchema>;

/** How many notes a flow holds and how long each one's Markdown may be. */
export const NOTE_LIMITS = { count: 200, textLength: 5000 } as const;

/** The sizes a note may be drawn at, in canvas pixels. */
export const NOTE_SIZE_LIMITS = {
  width: { min: 120, max: 2000 },
  height: { min: 60, max: 2000 },
} as const;

/** A note's Markdown text, with the message a person sees when it grows too long. */
export const NoteTextSchema = z
  .string()
  .max(
    NOTE_LIMITS.textLength,
    `A note holds at most ${NOTE_LIMITS.textLength} characters; split it in two`,
  );

/**
 * A sticky note on the canvas: Markdown a person writes beside the stages. Notes are not
 * stages: they have no ports, no config, and compile to nothing.
 */
export const NoteSchema = z.object({
  id: IdSchema,
  position: PositionSchema,
  /** Absent until the person resizes the note; it is then drawn at its default size. */
  size: z
    .object({
      width: z.number().min(NOTE_SIZE_LIMITS.width.min).max(NOTE_SIZE_LIMITS.width.max),
      height: z.number().min(NOTE_SIZE_LIMITS.height.min).max(NOTE_SIZE_LIMITS.height.max),
    })
    .optional(),
  text: NoteTextSchema,
});
export type Note = z.infer<typeof NoteSchema>;

/** The most stages and links a flow holds: room for long chains of processors (1,000 and more). */
export const FLOW_LIMITS = { stages: 2000, links: 4000 } as const;

/**
 * The saved flow document: the graph only. Name, id and saved version live on the flow record
 * so that renaming never rewrites the document.
 */
export const FlowDocumentSchema = z
  .object({
    schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
    stages: z.array(StageSchema).max(FLOW_LIMITS.stages),
    links: z.array(LinkSchema).max(FLOW_LIMITS.links),
    /** Added after version 1 shipped; optional so every earlier document stays valid. */
    notes: z
      .array(NoteSchema)
      .max(NOTE_LIMITS.count, `A flow holds at most ${NOTE_LIMITS.count} notes`)
      .optional(),
    /** Typed values chosen per run, referenced as `${name}`; optional like `notes`. */
    parameters: ParametersSchema.optional(),
  })
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    doc.stages.forEach((stage, i) => {
      if (ids.has(stage.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'id'],
          message: `Duplicate stage id "${stage.id}"`,
        });
      }
      ids.add(stage.id);
    });
    const linkIds = new Set<string>();
    doc.links.forEach((link, i) => {
      if (linkIds.has(link.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['links', i, 'id'],
          message: `Duplicate link id "${link.id}"`,
        });
      }
      linkIds.add(link.id);
      for (const end of ['source', 'target'] as const) {
        if (!ids.has(link[end].stageId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['links', i, end, 'stageId'],
            message: `Link "${link.id}" points at a stage that does not exist ("${link[end].stageId}")`,
          });
        }
      }
    });
    // Notes and stages are nodes of one canvas, so they share one set of ids.
    doc.notes?.forEach((note, i) => {
      if (ids.has(note.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['notes', i, 'id'],
          message: `Note id "${note.id}" is already the id of a stage or another note`,
        });
      }
      ids.add(note.id);
    });
  });
export type FlowDocument = z.infer<typeof FlowDocumentSchema>;

/** A person-given flow name: trimmed, non-empty, any characters (quotes and unicode included). */
export const FlowNameSchema = z.string().trim().min(1, 'A flow needs a name').max(200);

/** An empty flow document, the start of every new flow. */
export function emptyFlowDocument(): FlowDocument {
  return { schemaVersion: FLOW_SCHEMA_VERSION, stages: [], links: [] };
}
