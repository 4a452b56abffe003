/**
 * The ChainFlow properties module for bpmn-js: use with bpmn-js-properties-panel's
 * BpmnPropertiesPanelModule and BpmnPropertiesProviderModule. `chainflowRoles` is the service
 * the IDE feeds the consortium's roles into.
 */
import { ChainflowPropertiesProvider } from './chainflow-properties-provider.js';
import { ChainflowProcesses } from './chainflow-processes.js';
import { ChainflowRoles } from './chainflow-roles.js';
import { ChainflowTemplates } from './chainflow-templates.js';

export const chainflowPropertiesModule = {
  __init__: ['chainflowPropertiesProvider'],
  chainflowPropertiesProvider: ['type', ChainflowPropertiesProvider],
  chainflowRoles: ['type', ChainflowRoles],
  chainflowProcesses: ['type', ChainflowProcesses],
  chainflowTemplates: ['type', ChainflowTemplates],
};

export type { ChainflowProcesses, ChainflowRoles, ChainflowTemplates };
