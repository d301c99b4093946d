#!/usr/bin/env node
// Starts the Sluice server. The workspace ships TypeScript sources without a build step, so tsx
// registers its loader before the entry module is imported.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
