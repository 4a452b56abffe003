/** The one extension namespace of the process format (docs/process-format.md). */
import descriptor from './chainflow-moddle.json' with { type: 'json' };

export const CHAINFLOW_NS = 'http://chainflow.studio/schema/bpmn/1.0';
export const CHAINFLOW_PREFIX = 'cf';
/** bpmn-moddle extension descriptor: pass as `moddleExtensions: { cf: chainflowModdle }` (bpmn-js too). */
export const chainflowModdle = descriptor;
