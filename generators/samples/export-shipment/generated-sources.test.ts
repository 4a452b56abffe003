/**
 * The inclusive-gateway sample's generated Solidity: a reviewable snapshot, laid out as prettier-plugin-solidity
 * would, compiled by solc without a warning. Run `npx vitest run -u` after an intended change.
 */
import { expect } from 'vitest';
import { checkGeneratedSample } from '../check-generated-sample.js';

checkGeneratedSample('export-shipment', {
  workspace: new URL('./workspace.json', import.meta.url),
  snapshot: './__snapshots__/ExportShipment.sol',
  expectations: {
    title: 'a split routing every branch that holds, a join settled after each step that may free it',
    check: (source, generated) => {
      // packing arrives at the join and settles it in the same step
      expect(source).toContain('m = _routeReadyToShip((m & ~TASK_PACK_GOODS) | JOIN_READY_TO_SHIP_IN3);');
      // a refusal by customs takes a token away the join may wait for: clearing customs settles too
      expect(source).toContain('m = _routeReadyToShip(_routeCleared(m & ~TASK_CLEAR_CUSTOMS));');
      // shipping comes after the join: nothing to settle
      expect(source).toMatch(/function ship\(uint256 instanceId\) external \{[^}]*\}[^}]*\}[^}]*m = m & ~TASK_SHIP;/);
    },
  },
});
