import { base, pureLayer } from '@sluice/config/eslint';

// The builder is pure like the packages it builds on; only the client talks to a server.
export default [...base(import.meta.dirname), { ...pureLayer, files: ['src/builder/**/*.ts'] }];
