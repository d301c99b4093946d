import { z } from 'zod';

import type { AnalyzeOptions, TargetProfile } from '@sluice/compiler';
import type { Diagnostic, FlowDocument, Parameter, Stage } from '@sluice/flow';
import { analyzeFlow, previewFlow } from '@sluice/compiler';
import { FlowNameSchema, migrateFlowDocument, ParametersSchema } from '@sluice/flow';

import type { StageConfigPatch, StageType } from './stage-types';
import { FlowBuildError } from './flow-build-error';
import { FlowState } from './flow-state';
import { StageHandle } from './stage-handle';

/** What a new stage may say about itself; everything left out is what the palette would give. */
export interface AddStageOptions<T extends StageType> {
  /** The label on the canvas; the type's name (`Filter`, `Filter 2`, ...) when absent. */
  label?: string;
  description?: string;
  /** Config fields to set; the others keep the stage type's defaults. */
  config?: StageConfigPatch<T>;
  /** Where the canvas draws it; laid out left to right along the links when absent. */
  position?: Stage['position'];
  /** The stage's id in the document; `<type>-<n>` when absent. */
  id?: string;
}

/** What the editor validates against besides the document; each part adds its diagnostics. */
export interface ValidateOptions extends AnalyzeOptions {
  /** The target to compile for (`system.info`'s `target`): adds the target's diagnostics. */
  target?: TargetProfile;
  /** The external stages that exist: references to others are flagged. Needs `target`. */
  knownExternalStages?: readonly string[];
  /** Those whose files live on S3, which only MatrixOne reads. Needs `target`. */
  s3ExternalStages?: readonly string[];
}

/** Where a flow read from a server came from: the base of its next save. */
export interface SavedAt {
  id: string;
  version: number;
}

/**
 * A flow built in code, with the editor's names, defaults and checks. `toDocument()` is the
 * document the editor saves; `validate()` gives the diagnostics the editor shows.
 * @example
 * const flow = createFlow({ name: 'Paid orders' });
 * const orders = flow.addStage('file-source', { config: { path: 'orders.csv' } });
 * orders.connectOutputTo(flow.addStage('filter', { config: { condition: "status = 'paid'" } }));
 */
export class Flow {
  private readonly state = new FlowState();
  /** The server's id and version once saved or loaded, else `undefined`. */
  saved: SavedAt | undefined;

  private constructor(public name: string) {}

  /** A new, empty flow. */
  static create(options: { name: string }): Flow {
    const name = FlowNameSchema.safeParse(options.name);
    if (!name.success) throw new FlowBuildError(z.prettifyError(name.error));
    return new Flow(name.data);
  }

  /**
   * A flow from a saved document (an older document version is migrated first), to change in
   * code. Its stages keep their ids, positions and configs.
   * @throws FlowBuildError listing each problem with its path when the document is not one.
   */
  static fromDocument(document: unknown, options: { name?: string; saved?: SavedAt } = {}): Flow {
    const flow = new Flow(options.name ?? '');
    flow.saved = options.saved;
    let parsed: FlowDocument;
    try {
      parsed = migrateFlowDocument(document);
    } catch (error) {
      const detail = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
      throw new FlowBuildError(`This is not a flow document: ${detail}`, { cause: error });
    }
    const { schemaVersion: _version, stages, links, ...rest } = structuredClone(parsed);
    for (const stage of stages) flow.state.stages.set(stage.id, stage);
    flow.state.links = links;
    flow.state.rest = rest;
    return flow;
  }

  /**
   * Adds a stage of `type`: its config is typed by the stage type's schema, so a wrong field or
   * value does not compile.
   * @throws FlowBuildError for a stage type Sluice does not know or an id already taken.
   */
  addStage<T extends StageType>(type: T, options: AddStageOptions<T> = {}): StageHandle<T> {
    const stage = this.state.add(type, options);
    return new StageHandle(this.state, stage.id, type);
  }

  /**
   * The stage with this id, e.g. of a flow read from a document; with `type`, checked to be of
   * that type so its config and ports are typed.
   */
  stage<T extends StageType = StageType>(id: string, type?: T): StageHandle<T> {
    const stage = this.state.get(id);
    if (type !== undefined && stage.type !== type) {
      throw new FlowBuildError(`Stage "${id}" is a ${stage.type} stage, not a ${type} stage.`);
    }
    return new StageHandle(this.state, id, stage.type as T);
  }

  /**
   * Declares a parameter that the flow's SQL, table names and paths name as `${name}`, as the
   * editor's Parameters tab does: a run takes the value it is given, or this default.
   * @throws FlowBuildError saying what is wrong with it: its name, a default that is not of its
   *   type, or a name the flow declares already.
   */
  addParameter(parameter: Parameter): this {
    const parameters = ParametersSchema.safeParse([...this.parameters(), parameter]);
    if (!parameters.success) throw new FlowBuildError(z.prettifyError(parameters.error));
    this.state.rest.parameters = parameters.data;
    return this;
  }

  /** The parameters the flow declares, in order. */
  parameters(): readonly Parameter[] {
    return this.state.rest.parameters ?? [];
  }

  /** Every stage, in document order. */
  stages(): StageHandle[] {
    return [...this.state.stages.values()].map(
      (s) => new StageHandle(this.state, s.id, s.type as StageType),
    );
  }

  /**
   * The diagnostics the editor shows for this flow: the analysis of its stages, configs, links
   * and SQL, and with `target` the compile for that target, computed by the same functions.
   */
  validate(options: ValidateOptions = {}): Diagnostic[] {
    const { target, knownExternalStages, s3ExternalStages, ...analyse } = options;
    // Parameters become literals of the target's dialect unless the caller binds them itself.
    const parameters = analyse.parameters ?? (target ? { dialect: target.dialect } : undefined);
    const analysis = analyzeFlow(this.toDocument(), {
      ...analyse,
      ...(parameters ? { parameters } : {}),
    });
    if (!target) return analysis.diagnostics;
    return previewFlow(analysis, {
      target,
      ...(knownExternalStages ? { knownExternalStages } : {}),
      ...(s3ExternalStages ? { s3ExternalStages } : {}),
    }).diagnostics;
  }

  /** The document the editor would save, which `FlowDocumentSchema` accepts. */
  toDocument(): FlowDocument {
    return this.state.document();
  }
}

/** A new, empty flow named `name`: `Flow.create` under the name the SDK's examples use. */
export function createFlow(options: { name: string }): Flow {
  return Flow.create(options);
}
