import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { stageList } from '@sluice/stages';

import { publicProcedure } from '../trpc';

/** Stage types as plain data, computed once: they never change while the server runs. */
const STAGE_TYPES = stageList().map((stage) => ({
  type: stage.type,
  version: stage.version,
  category: stage.category,
  label: stage.ui.label,
  description: stage.ui.description,
  icon: stage.ui.icon,
  inputs: [...stage.ports.inputs],
  outputs: [...stage.ports.outputs],
  defaults: stage.defaults,
  configSchema: z.toJSONSchema(stage.config, { io: 'input', unrepresentable: 'any' }),
}));

export const stageTypeRouter = {
  /** Every stage type with its config as JSON Schema, for API clients. */
  list: publicProcedure.query(() => STAGE_TYPES),
} satisfies TRPCRouterRecord;
