export * from './define-stage';
export * from './stage-ir';
