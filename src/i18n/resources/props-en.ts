/**
 * English strings of the properties panel's multi-instance, payload, sender and called-process
 * entries. The panel's texts are bpmn-js templates, and English is the template: no entries.
 */
export const propsBpmnEn: Record<string, string> = {};
