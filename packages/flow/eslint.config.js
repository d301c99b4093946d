import { base, pureLayer } from '@sluice/config/eslint';

export default [...base(import.meta.dirname), pureLayer];
