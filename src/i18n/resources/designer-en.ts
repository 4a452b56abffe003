/** English strings of the process designer: properties panel toggle, lint problems. */
import { consortiumEn } from './consortium-en.js';
import { propsBpmnEn } from './props-en.js';

export const designerEn = {
  properties: { show: 'Properties', hide: 'Hide properties', title: 'Properties' },
  problems: { lint: 'Lint', noFile: 'Workspace', count: '{{count}} problem(s)' },
  consortium: consortiumEn,
};

/** bpmn-js and properties-panel strings are keyed by their English template: English needs none. */
export const designerBpmnEn: Record<string, string> = { ...propsBpmnEn };
