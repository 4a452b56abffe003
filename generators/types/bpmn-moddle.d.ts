// bpmn-moddle 10 ships its typings under a subpath that Bundler resolution does not pick up for
// the root import; we declare the small surface we use (see generators/bpmn/moddle-types.ts).
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(extensions?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: unknown; warnings: { message: string; element?: { id?: string } }[] }>;
    toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): unknown;
  }
}
