/**
 * The supply-chain-finance sample (three executable pools in one collaboration): a reviewable snapshot,
 * laid out as prettier-plugin-solidity would, compiled by solc without a warning. Run `npx vitest run -u`
 * after an intended change.
 */
import { expect } from 'vitest';
import { checkGeneratedSample } from '../check-generated-sample.js';

checkGeneratedSample('supply-chain-finance', {
  workspace: new URL('./workspace.json', import.meta.url),
  snapshot: './__snapshots__/SupplyChainFinance.sol',
  expectations: {
    title: 'one contract for three pools: a scope per pool, message flows checked by their senders, buffered messages that keep no pool busy',
    check: (source, generated) => {
      const ir = generated.processes[0].ir;
      expect(ir.messageFlows!.map((f) => [f.flowId, f.startsPool])).toEqual([
        ['Msg_Consignment', true], ['Msg_BillOfLading', false], ['Msg_FinancingRequest', true], ['Msg_Delivered', false], ['Msg_Decision', false],
      ]);
      // each of the five senders refuses while its message is still pending
      expect(source.match(/\/\/ MessagePending\(instanceId, "Msg_/g)).toHaveLength(5);
      expect(source).toContain('uint256 private constant SUB_YIN_XING_BANK_BUFFERS');
      // the receivers fire by themselves: none is a function
      expect(source).not.toMatch(/function shouDaoTiDan/);
    },
  },
});
