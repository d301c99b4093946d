import type { z } from 'zod';

import type { stages } from '@sluice/stages';

/** The stage types of the registry, by id: what `addStage` accepts. */
export type StageTypes = typeof stages;

/** The id of a stage type Sluice knows, e.g. `'filter'`. */
export type StageType = keyof StageTypes;

/**
 * A stage type's config as code writes it: the input of its zod schema, so fields with defaults
 * may be left out and a wrong key or value type is a compile error.
 */
export type StageConfigInput<T extends StageType> = z.input<StageTypes[T]['config']>;

/** The part of a config `addStage` and `update` take: unset fields keep the type's defaults. */
export type StageConfigPatch<T extends StageType> = Partial<StageConfigInput<T>>;

/** The names of a stage type's input ports, e.g. `'left' | 'right'` for a join. */
export type InputPort<T extends StageType> = StageTypes[T]['ports']['inputs'][number];

/** The names of a stage type's output ports; `never` for destinations. */
export type OutputPort<T extends StageType> = StageTypes[T]['ports']['outputs'][number];
