/**
 * The script-task sample's generated Solidity: a reviewable snapshot, laid out as prettier-plugin-solidity
 * would, compiled by solc without a warning. Run `npx vitest run -u` after an intended change.
 */
import { expect } from 'vitest';
import { checkGeneratedSample } from '../check-generated-sample.js';

checkGeneratedSample('quote-pricing', {
  workspace: new URL('./workspace.json', import.meta.url),
  snapshot: './__snapshots__/QuotePricing.sol',
  expectations: {
    title: 'the script runs inside the pricing step, no function of its own',
    check: (source, generated) => {
      expect(source).toContain('m = _runComputeTotal(instanceId, m & ~TASK_ENTER_UNIT_PRICE);');
      expect(source).not.toMatch(/function computeTotal\(/);
      // total is stored (a condition reads it); discounted is a bool packed into the state word
      expect(source).toContain('d.total = total;');
      expect(source).toContain('m |= FIELD_DISCOUNTED;');
      const ir = generated.processes[0].ir;
      expect(ir.scripts.map((x) => [x.name, x.assignments.map((a) => `${ir.fields[a.field].name} := ${a.text}`)])).toEqual([
        ['Compute total', ['total := quantity * (unitPrice - rebate)', 'discounted := rebate > 0']],
      ]);
    },
  },
});
