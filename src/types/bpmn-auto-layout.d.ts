// bpmn-auto-layout 1.x ships no typings; this is the one function the IDE uses.
declare module 'bpmn-auto-layout' {
  /** Returns the XML with BPMNDI for the first process (lanes, groups and annotations are not laid out). */
  export function layoutProcess(xml: string): Promise<string>;
}
