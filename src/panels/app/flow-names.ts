/**
 * Names of a process's sequence flows, read from its BPMN with the browser's XML parser, so a
 * choice form can say where the default path goes ("Default: Reject") rather than only that
 * there is one. Flows without a name are left out.
 */
export function sequenceFlowNames(bpmnXml: string): Map<string, string> {
  const names = new Map<string, string>();
  const doc = new DOMParser().parseFromString(bpmnXml, 'application/xml');
  for (const flow of Array.from(doc.getElementsByTagNameNS('*', 'sequenceFlow'))) {
    const id = flow.getAttribute('id');
    const name = flow.getAttribute('name')?.trim();
    if (id && name) names.set(id, name);
  }
  return names;
}
