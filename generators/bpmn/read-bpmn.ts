/**
 * Reads BPMN 2.0 XML with bpmn-moddle (pure JS, no DOM) and the ChainFlow extension.
 * Never throws: malformed XML becomes a problem with the line and column the parser reports.
 */
import { BpmnModdle } from 'bpmn-moddle';
import { error, warning, type Problem } from '../problems.js';
import { chainflowModdle } from './chainflow-namespace.js';
import type { BpmnDefinitions } from './moddle-types.js';

export interface ReadBpmnResult {
  definitions?: BpmnDefinitions;
  problems: Problem[];
  /** True when the file has no diagram interchange (BPMNDI) and needs layout to be shown. */
  missingLayout: boolean;
}

export function createModdle(): BpmnModdle {
  return new BpmnModdle({ cf: chainflowModdle });
}

export async function readBpmn(xml: string, file: string): Promise<ReadBpmnResult> {
  const moddle = createModdle();
  try {
    const { rootElement, warnings } = (await moddle.fromXML(xml, 'bpmn:Definitions')) as unknown as {
      rootElement: BpmnDefinitions;
      warnings: { message: string; element?: { id?: string } }[];
    };
    const problems = warnings.map((w) =>
      warning(`while reading: ${firstLine(w.message)}`, { file, elementId: w.element?.id }),
    );
    const missingLayout = !(rootElement.diagrams && rootElement.diagrams.length > 0);
    return { definitions: rootElement, problems, missingLayout };
  } catch (e) {
    return { problems: [error(`not a readable BPMN 2.0 file: ${firstLine((e as Error).message)}`, { file })], missingLayout: false };
  }
}

function firstLine(message: string): string {
  return message.split('\n').slice(0, 3).join(' ').replace(/\s+/g, ' ').trim();
}
