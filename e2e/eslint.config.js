import { base } from '@sluice/config/eslint';

export default base(import.meta.dirname);
