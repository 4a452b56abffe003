/**
 * Which BPMN elements the generator executes, and how it names the rest in its refusals.
 * One list so the CLI, the IDE's linting and the docs say the same thing.
 */
export const HUMAN_TASK_TYPES = ['bpmn:UserTask', 'bpmn:Task', 'bpmn:ManualTask'] as const;
export const GATEWAY_TYPES = ['bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway'] as const;
/** Tasks that wait for someone (a participant, a message's sender, a service account): boundary events attach to these. */
export const WAIT_TASK_TYPES = [...HUMAN_TASK_TYPES, 'bpmn:ReceiveTask', 'bpmn:ServiceTask'] as const;
/** Documentation-only elements: kept in the file, reported as not executed. */
export const DESCRIPTIVE_TYPES = ['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'] as const;

export const EXECUTABLE_SUMMARY =
  'supported now: none, message and timer start events (timeDate or timeCycle), none, terminate and message end events, user/manual tasks (also multi-instance: a fixed cardinality or one per holder of a role), receive, send, service and script tasks, exclusive, parallel, inclusive and event-based gateways, intermediate timer and message catch events, intermediate message throw events, timer and message boundary events on user/receive/service tasks, embedded subprocesses with timer, message and error boundary events, error end events inside them, call activities of another process of the workspace (with timer, message and error boundary events), sequence flows, message flows from other pools, collaborations of several executable pools (one starts the instance, the others by a message start; messages between them buffered)';

export function describeType(type: string): string {
  return type
    .replace(/^bpmn:/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

export function describeEventDefinition(type: string): string {
  return describeType(type).replace(/ event definition$/, '');
}
