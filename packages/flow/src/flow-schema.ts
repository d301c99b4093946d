import { z } from 'zod';

/** The version of the flow document shape; bump it together with a migration in `migrations.ts`. */
export const FLOW_SCHEMA_VERSION = 1;

/** Stage ids, link ids and port names are short machine names, safe in any UI or SQL alias. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" and "_" only');

export const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** One node on the canvas. `config` is validated by its stage type, not here. */
export const StageSchema = z.object({
  id: IdSchema,
  type: z.string().min(1).max(64),
  typeVersion: z.number().int().positive(),
  label: z.string().max(200),
  position: PositionSchema,
  config: z.record(z.string(), z.unknown()),
});
export type Stage = z.infer<typeof StageSchema>;

export const PortRefSchema = z.object({ stageId: IdSchema, port: IdSchema });
export type PortRef = z.infer<typeof PortRefSchema>;

/** A link runs from an output port of one stage to an input port of another. */
export const LinkSchema = z.object({ id: IdSchema, source: PortRefSchema, target: PortRefSchema });
export type Link = z.infer<typeof LinkSchema>;

/**
 * The saved flow document: the graph only. Name, id and saved version live on the flow record
 * so that renaming never rewrites the document.
 */
export const FlowDocumentSchema = z
  .object({
    schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
    stages: z.array(StageSchema).max(500),
    links: z.array(LinkSchema).max(2000),
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
  });
export type FlowDocument = z.infer<typeof FlowDocumentSchema>;

/** A person-given flow name: trimmed, non-empty, any characters (quotes and unicode included). */
export const FlowNameSchema = z.string().trim().min(1, 'A flow needs a name').max(200);

/** An empty flow document, the start of every new flow. */
export function emptyFlowDocument(): FlowDocument {
  return { schemaVersion: FLOW_SCHEMA_VERSION, stages: [], links: [] };
}
