/**
 * Which BPMN elements the generator executes, and how it names the rest in its refusals.
 * One list so the CLI, the IDE's linting and the docs say the same thing.
 */
export const HUMAN_TASK_TYPES = ['bpmn:UserTask', 'bpmn:Task', 'bpmn:ManualTask'] as const;
export const GATEWAY_TYPES = ['bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway'] as const;
/** Documentation-only elements: kept in the file, reported as not executed. */
export const DESCRIPTIVE_TYPES = ['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'] as const;

export const EXECUTABLE_SUMMARY =
  'supported now: none start event, none and terminate end events, user/manual tasks (also multi-instance with a fixed cardinality), script tasks with FEEL assignments, exclusive, parallel and inclusive gateways, intermediate timer catch events, timer boundary events on user tasks, embedded subprocesses with timer and error boundary events, error end events inside them, call activities of another process of the workspace (with timer and error boundary events), sequence flows';

export function describeType(type: string): string {
  return type
    .replace(/^bpmn:/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

export function describeEventDefinition(type: string): string {
  return describeType(type).replace(/ event definition$/, '');
}
