/**
 * Test support: a small BPMN process written in one line per element, read with bpmn-moddle and
 * the cf extension, and linted with one rule or the whole configuration. Used by the rule tests.
 */
import { Linter } from 'bpmnlint';
import { createModdle } from '../../../../generators/bpmn/read-bpmn.js';
import type { Problem } from '../../../../generators/problems.js';
import { chainflowRules, lintDefinitions, lintProblems, lintResolver } from './lint-config.js';

/** Wraps process content (flow elements, lane sets) into a definitions document. */
export function processXml(body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:cf="http://chainflow.studio/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com/test">
  ${extra}
  <bpmn:process id="P" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

/** `flow('F1', 'A', 'B', 'x > 1')`: a sequence flow, with a FEEL condition when given. */
export function flow(id: string, from: string, to: string, condition?: string): string {
  const body = condition === undefined ? '' : `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition.replace(/</g, '&lt;')}</bpmn:conditionExpression>`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${body}</bpmn:sequenceFlow>`;
}

/** A user task with cf:fields, e.g. `task('T', { role: 'Buyer', fields: ['qty:uint'] })`. */
export function task(id: string, options: { role?: string; fields?: string[] } = {}): string {
  const role = options.role ? ` cf:role="${options.role}"` : '';
  const fields = (options.fields ?? []).map((f) => {
    const [name, type] = f.split(':');
    return `<cf:field name="${name}" type="${type}" />`;
  });
  const ext = fields.length ? `<bpmn:extensionElements>${fields.join('')}</bpmn:extensionElements>` : '';
  return `<bpmn:userTask id="${id}" name="${id}"${role}>${ext}</bpmn:userTask>`;
}

export async function readDefinitions(xml: string): Promise<unknown> {
  const { rootElement, warnings } = await createModdle().fromXML(xml);
  if (warnings.length) throw new Error(`fixture does not read cleanly: ${warnings.map((w) => w.message).join('; ')}`);
  return rootElement;
}

/** Problems of one project rule (by its name without the `chainflow/` prefix). */
export async function lintWith(rule: keyof typeof chainflowRules, xml: string): Promise<Problem[]> {
  const linter = new Linter({ config: { rules: { [`chainflow/${rule}`]: 'error' } }, resolver: lintResolver });
  return lintProblems(await linter.lint(await readDefinitions(xml)), 'test.bpmn');
}

export async function lintAll(xml: string): Promise<Problem[]> {
  return lintDefinitions(await readDefinitions(xml), 'test.bpmn');
}

export const ids = (problems: Problem[]) => problems.map((p) => p.elementId).sort();
