import { alterStage, createStage, dropStage, parseShownStage, SHOW_STAGES } from '@sluice/compiler';

import type { ExternalStageDdl } from './external-stage-service';

/** MatrixOne's CREATE / ALTER / DROP / SHOW STAGES, as the compiler's matrixone dialect writes them. */
export const matrixOneStageDdl: ExternalStageDdl = {
  create: createStage,
  alter: alterStage,
  drop: dropStage,
  list: SHOW_STAGES,
  listed: parseShownStage,
};
