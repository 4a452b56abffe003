/** Test helper: business objects as bpmn-js has them, read with bpmn-moddle and the ChainFlow extension. */
import { readBpmn } from '../../../../generators/bpmn/read-bpmn.js';
import type { BusinessObject } from './cf-model.js';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** The elements of a process whose flow elements are `body`, by id (subprocesses' insides included). */
export async function readProcess(body: string): Promise<Map<string, BusinessObject>> {
  const xml = `<?xml version="1.0"?><bpmn:definitions ${NS} id="D" targetNamespace="t"><bpmn:process id="P" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
  const { definitions, problems } = await readBpmn(xml, 'test.bpmn');
  if (!definitions) throw new Error(problems.map((p) => p.message).join('; '));
  const byId = new Map<string, BusinessObject>();
  const visit = (container: BusinessObject) => {
    byId.set(container.id, container);
    for (const node of (container.get('flowElements') as BusinessObject[] | undefined) ?? []) visit(node);
  };
  for (const root of (definitions as unknown as { rootElements: BusinessObject[] }).rootElements) visit(root);
  return byId;
}
