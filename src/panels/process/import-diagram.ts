/**
 * Importing a process's XML into the modeler. A file without diagram layout (no BPMNDI shapes)
 * is laid out first (layout/layout-diagram.ts: pools, lanes and message flows kept). Problems come back as data, each with the element it
 * is about when bpmn-js names one.
 */
import type { Problem } from '../../../generators/index.js';

export interface ImportWarning {
  message: string;
  element?: { id?: string };
}

export interface DiagramImporter {
  /** bpmn-js reports warnings as objects; its typings say strings, so both are accepted. */
  importXML(xml: string): Promise<{ warnings: Array<ImportWarning | string> }>;
}

export interface ImportOutcome {
  ok: boolean;
  problems: Problem[];
  /** The XML the modeler shows: the input, or the input with a generated layout. */
  xml: string;
  laidOut: boolean;
}

/** True when the XML has no diagram shapes, so bpmn-js would have nothing to draw. */
export function needsLayout(xml: string): boolean {
  return !/<([\w.-]+:)?BPMNShape[\s>/]/.test(xml);
}

export async function importDiagram(
  modeler: DiagramImporter,
  xml: string,
  file: string,
  layout: (xml: string) => Promise<string> = defaultLayout,
): Promise<ImportOutcome> {
  let shown = xml;
  let laidOut = false;
  const toProblem = (severity: Problem['severity']) => (w: ImportWarning | string): Problem =>
    typeof w === 'string'
      ? { severity, message: w, file }
      : { severity, message: w.message, file, ...(w.element?.id ? { elementId: w.element.id } : {}) };
  try {
    if (needsLayout(xml)) {
      shown = await layout(xml);
      laidOut = true;
    }
    const { warnings } = await modeler.importXML(shown);
    return { ok: true, problems: warnings.map(toProblem('warning')), xml: shown, laidOut };
  } catch (e) {
    const err = e as Error & { warnings?: Array<ImportWarning | string> };
    const problems = [
      { severity: 'error' as const, message: `the diagram cannot be shown: ${err.message}`, file },
      ...(err.warnings ?? []).map(toProblem('warning')),
    ];
    return { ok: false, problems, xml: shown, laidOut };
  }
}

async function defaultLayout(xml: string): Promise<string> {
  const { layoutDiagram } = await import('./layout/layout-diagram.js');
  return layoutDiagram(xml);
}
