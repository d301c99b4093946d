#!/usr/bin/env node
// The `sluice` command: starts the server, or runs a CLI command (`sluice --help`). The workspace
// ships TypeScript sources without a build step, so tsx registers its loader before the entry
// module is imported.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
