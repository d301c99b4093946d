/**
 * A change the builder refuses because the flow could not hold it: an unknown stage type or
 * stage id, a link the editor would refuse, a port the stage does not have. Problems a flow can
 * hold and still be saved (an invalid config, a missing input) are diagnostics of `validate`.
 */
export class FlowBuildError extends Error {
  override name = 'FlowBuildError';
}
