/** English strings of the process designer: properties panel toggle, lint problems. */
export const designerEn = {
  properties: { show: 'Properties', hide: 'Hide properties', title: 'Properties' },
  problems: { lint: 'Lint', noFile: 'Workspace', count: '{{count}} problem(s)' },
};

/** bpmn-js and properties-panel strings are keyed by their English template: English needs none. */
export const designerBpmnEn: Record<string, string> = {};
