import { base, reactHooks } from '@sluice/config/eslint';

export default [...base(import.meta.dirname), reactHooks.configs.flat['recommended-latest']];
