import { alterStage, createStage, dropStage } from '@sluice/compiler';

import type { ExternalStageDdl } from './external-stage-service';

/** MatrixOne's CREATE / ALTER / DROP STAGE, as the compiler's matrixone dialect writes them. */
export const matrixOneStageDdl: ExternalStageDdl = {
  create: createStage,
  alter: alterStage,
  drop: dropStage,
};
