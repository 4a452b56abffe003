/**
 * Generated code is linted like hand-written code: solhint with the committed rule set
 * (generators/solidity/solhint.json, reasons in docs/process-format.md) reports nothing on the
 * contracts of every sample and benchmark process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/cli/read-input.js';
import { generateWorkspace } from '../generate-workspace.js';

const require = createRequire(import.meta.url);
const { processStr } = require('solhint') as {
  processStr: (source: string, config: object) => { messages: { ruleId: string; line: number; message: string }[] };
};
const config = JSON.parse(readFileSync(new URL('./solhint.json', import.meta.url), 'utf8'));

const INPUTS = [
  'generators/samples/order-fulfilment/workspace.json',
  'generators/samples/plain-lanes/purchase-request.bpmn',
  'generators/samples/timer-escalation/workspace.json',
  'generators/samples/supply-chain-finance/workspace.json',
  'generators/samples/carrier-binding/workspace.json',
  'generators/samples/quote-pricing/workspace.json',
  'generators/samples/export-shipment/workspace.json',
  'generators/samples/inspection-round/workspace.json',
  'bench/processes/incident-management/workspace.json',
  'bench/processes/supply-chain/workspace.json',
  'bench/processes/invoice-handling/workspace.json',
  'bench/processes/order-to-cash/workspace.json',
];

describe('generated Solidity under solhint', () => {
  it.each(INPUTS)('%s has no solhint finding', async (input) => {
    // given the generated sources of the model
    const read = await readInput(input);
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const out = await generateWorkspace(read.workspace!);
    expect(out.sources.length).toBeGreaterThan(1);
    // when linted, then every file is clean
    for (const source of out.sources) {
      const findings = processStr(source.content, config).messages.map((m) => `${source.file}:${m.line} ${m.ruleId}: ${m.message}`);
      expect(findings).toEqual([]);
    }
  });
});
