import { getStage } from '@sluice/stages';

import type { FlowState } from './flow-state';
import type { InputPort, OutputPort, StageConfigPatch, StageType } from './stage-types';
import { FlowBuildError } from './flow-build-error';

/** Which ports a link joins; each may be left out where the stage has only one that fits. */
export interface ConnectOptions<From extends StageType, To extends StageType> {
  /** The input of the other stage; when absent, its first input that has no link yet. */
  port?: InputPort<To>;
  /** The output of this stage; when absent, its only output. */
  from?: OutputPort<From>;
}

/** One stage of a flow being built: link it, change its config, or remove it. */
export class StageHandle<T extends StageType = StageType> {
  constructor(
    private readonly state: FlowState,
    readonly id: string,
    readonly type: T,
  ) {}

  get label(): string {
    return this.state.get(this.id).label;
  }

  /** The stage's config as the saved document holds it, defaults included. */
  get config(): Readonly<Record<string, unknown>> {
    return structuredClone(this.state.get(this.id).config);
  }

  /**
   * Links this stage's output to an input of `other`, with the editor's checks: the ports
   * exist, the input is free, and the link closes no cycle. Returns `other`, so a chain of
   * stages reads in order: `source.connectOutputTo(filter).connectOutputTo(destination)`.
   * @throws FlowBuildError naming the ports there are when one does not fit.
   */
  connectOutputTo<U extends StageType>(
    other: StageHandle<U>,
    options: ConnectOptions<T, U> = {},
  ): StageHandle<U> {
    const from = options.from ?? this.onlyOutput();
    const port = options.port ?? this.state.freeInput(other.id);
    this.state.connect({ stageId: this.id, port: from }, { stageId: other.id, port });
    return other;
  }

  /** Merges `config` into the stage's config; fields left out keep their values. */
  update(config: StageConfigPatch<T>): this {
    this.state.patch(this.id, config);
    return this;
  }

  /** Gives the stage the label the canvas shows. */
  rename(label: string): this {
    this.state.get(this.id).label = label;
    return this;
  }

  /** Removes the stage and its links; the handle refers to nothing afterwards. */
  remove(): void {
    this.state.remove(this.id);
  }

  private onlyOutput(): string {
    const outputs = getStage(this.type)?.ports.outputs ?? [];
    const [only] = outputs;
    if (only !== undefined && outputs.length === 1) return only;
    if (outputs.length === 0) {
      throw new FlowBuildError(
        `Stage "${this.id}" (${this.type}) has no output port: a destination ends a flow.`,
      );
    }
    throw new FlowBuildError(
      `Stage "${this.id}" has outputs ${outputs.join(', ')}; say which with { from }.`,
    );
  }
}
