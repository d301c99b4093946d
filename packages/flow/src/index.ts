export * from './flow-schema';
export * from './graph';
export * from './diagnostics';
export * from './migrations';
export * from './cut-flow';
export * from './ids';
