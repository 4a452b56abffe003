/**
 * The role-binding sample's generated Solidity: a reviewable snapshot, laid out as prettier-plugin-solidity
 * would, compiled by solc without a warning. Run `npx vitest run -u` after an intended change.
 */
import { expect } from 'vitest';
import { checkGeneratedSample } from '../check-generated-sample.js';

checkGeneratedSample('carrier-binding', {
  workspace: new URL('./workspace.json', import.meta.url),
  snapshot: './__snapshots__/ChosenCarrierShipment.sol',
  expectations: {
    title: 'nominee parameters, the boundTo getter, the bound caller check on the carrier tasks only',
    check: (source, generated) => {
      expect(source).toContain('mapping(uint256 instanceId => address[2]) public boundTo;');
      expect(source).toContain('function planShipment(uint256 instanceId, address carrier) external {');
      // the manufacturer's and the two carrier tasks check the binding; the buyer's task does not
      expect(source.match(/address bound = boundTo\[instanceId\]\[1\];/g)).toHaveLength(2);
      expect(source.match(/address bound = boundTo\[instanceId\]\[0\];/g)).toHaveLength(1);
      expect(generated.processes[0].ir.bindings).toEqual([
        { role: 'Manufacturer', elementId: 'Start_OrderPlaced', field: 1, rebind: 'once' },
        { role: 'Carrier', elementId: 'Task_Plan', task: 0, field: 2, rebind: 'sameTask' },
      ]);
    },
  },
});
