import type { FlowDocument, Link, PortRef } from '@sluice/flow';
import { checkConnection, FLOW_SCHEMA_VERSION, IdSchema, uniqueId } from '@sluice/flow';
import { getStage, patchStageConfig, stages as registry } from '@sluice/stages';

import type { PlacedStage } from './layout';
import { FlowBuildError } from './flow-build-error';
import { layOut } from './layout';

/** What a flow document holds besides its stages and links. */
export type DocumentRest = Omit<FlowDocument, 'schemaVersion' | 'stages' | 'links'>;

/**
 * The document a `Flow` builds, held as the editor holds it: stages in order, links, notes. Every
 * change goes through one of these verbs, which apply the editor's defaults and link checks.
 */
export class FlowState {
  readonly stages = new Map<string, PlacedStage>();
  links: Link[] = [];
  /** The document's other parts (notes, ...): kept as read, so a save loses none of them. */
  rest: DocumentRest = {};

  /** The stage with this id, or a `FlowBuildError` naming the stages there are. */
  get(id: string): PlacedStage {
    const stage = this.stages.get(id);
    if (stage) return stage;
    const known = [...this.stages.keys()].map((k) => `"${k}"`).join(', ') || 'none';
    throw new FlowBuildError(`This flow has no stage "${id}" (its stages: ${known}).`);
  }

  /** Adds a stage of a known type with the type's defaults under `config`, like the palette. */
  add(
    type: string,
    options: Partial<Pick<PlacedStage, 'id' | 'label' | 'description' | 'position'>> & {
      config?: Record<string, unknown>;
    },
  ): PlacedStage {
    const definition = getStage(type);
    if (!definition) {
      throw new FlowBuildError(
        `Unknown stage type "${type}"; the stage types are ${Object.keys(registry).join(', ')}.`,
      );
    }
    const id = options.id ?? uniqueId(type, new Set(this.stages.keys()));
    const valid = IdSchema.safeParse(id);
    if (!valid.success) {
      throw new FlowBuildError(`Stage id "${id}": ${valid.error.issues[0]?.message ?? 'invalid'}.`);
    }
    if (this.stages.has(id)) {
      throw new FlowBuildError(`This flow already has a stage "${id}"; choose another id.`);
    }
    const sameType = [...this.stages.values()].filter((s) => s.type === type).length;
    const defaults = structuredClone<Record<string, unknown>>(definition.defaults);
    const stage: PlacedStage = {
      id,
      type,
      typeVersion: definition.version,
      label:
        options.label ??
        (sameType === 0 ? definition.ui.label : `${definition.ui.label} ${sameType + 1}`),
      ...(options.description ? { description: options.description } : {}),
      position: options.position,
      config: options.config ? patchStageConfig(type, defaults, options.config) : defaults,
    };
    this.stages.set(id, stage);
    return stage;
  }

  /** Links two ports, or throws the reason the editor would give for refusing the link. */
  connect(source: PortRef, target: PortRef): Link {
    this.requirePort(source, 'outputs');
    this.requirePort(target, 'inputs');
    const check = checkConnection({ links: this.links }, { source, target }, (id) =>
      this.stages.has(id) ? getStage(this.get(id).type)?.ports : undefined,
    );
    if (!check.ok) {
      throw new FlowBuildError(
        `Cannot link "${source.stageId}" to "${target.stageId}": ${check.reason}`,
      );
    }
    const link = { id: uniqueId('link', new Set(this.links.map((l) => l.id))), source, target };
    this.links = [...this.links, link];
    return link;
  }

  private requirePort(end: PortRef, side: 'inputs' | 'outputs'): void {
    const stage = this.get(end.stageId);
    const ports = getStage(stage.type)?.ports[side] ?? [];
    if (ports.includes(end.port)) return;
    const kind = side === 'inputs' ? 'input' : 'output';
    const offered = ports.length > 0 ? `its ${side} are ${ports.join(', ')}` : `it has no ${side}`;
    throw new FlowBuildError(
      `Stage "${stage.id}" (${stage.type}) has no ${kind} port "${end.port}"; ${offered}.`,
    );
  }

  /** The first input of a stage that has no link yet, or the reason there is none. */
  freeInput(id: string): string {
    const stage = this.get(id);
    const inputs = getStage(stage.type)?.ports.inputs ?? [];
    const linked = new Set(
      this.links.filter((l) => l.target.stageId === id).map((l) => l.target.port),
    );
    const free = inputs.find((port) => !linked.has(port));
    if (free !== undefined) return free;
    if (inputs.length === 0) {
      throw new FlowBuildError(
        `Stage "${id}" (${stage.type}) has no input port: an origin starts a flow.`,
      );
    }
    throw new FlowBuildError(
      `Every input of stage "${id}" (${inputs.join(', ')}) already has a link; remove one first.`,
    );
  }

  /** Merges `patch` into a stage's config, with the fields its type changes along with it. */
  patch(id: string, patch: Record<string, unknown>): void {
    const stage = this.get(id);
    stage.config = patchStageConfig(stage.type, stage.config, patch);
  }

  /** Removes a stage with every link to or from it. */
  remove(id: string): void {
    this.get(id);
    this.stages.delete(id);
    this.links = this.links.filter((l) => l.source.stageId !== id && l.target.stageId !== id);
  }

  /** The saved document, with positions laid out for stages that have none. */
  document(): FlowDocument {
    const stages = [...this.stages.values()];
    const positions = layOut(stages, this.links);
    return {
      schemaVersion: FLOW_SCHEMA_VERSION,
      stages: stages.map((stage) => ({
        ...structuredClone(stage),
        position: positions.get(stage.id) ?? { x: 0, y: 0 },
      })),
      links: structuredClone(this.links),
      ...structuredClone(this.rest),
    };
  }
}
