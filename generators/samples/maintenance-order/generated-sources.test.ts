/**
 * The messages sample's generated Solidity: a reviewable snapshot, laid out as prettier-plugin-solidity
 * would, compiled by solc without a warning. Run `npx vitest run -u` after an intended change.
 */
import { expect } from 'vitest';
import { checkGeneratedSample } from '../check-generated-sample.js';

checkGeneratedSample('maintenance-order', {
  workspace: new URL('./workspace.json', import.meta.url),
  snapshot: './__snapshots__/MaintenanceWorkOrder.sol',
  expectations: {
    title: 'a message start, a service request, message sends, a receive task racing a timer and a message boundary',
    check: (source) => {
      // the alarm is delivered by the sensor pool's role, the part by the supplier pool's (message flows)
      expect(source).toMatch(/function startInstance\([^)]*\)[^{]*\{\s*if \(\(_rolesOf\[msg\.sender\] & ROLE_DEVICE\) == 0\)/);
      expect(source).toMatch(/function receiveSparePart\([\s\S]*?ROLE_SUPPLIER[\s\S]*?\n {4}\}/);
      for (const event of ['event RunDiagnosticsRequested(', 'event OrderSparePartSent(', 'event ReportRepairSent(', 'event PartOrderCancelledSent(']) expect(source).toContain(event);
      // whichever of the race occurs first withdraws the other
      expect(source).toContain('m & ~(TASK_RECEIVE_SPARE_PART | TIMER_48_HOURS_PASSED)');
      expect(source).toContain('m & ~(TIMER_48_HOURS_PASSED | TASK_RECEIVE_SPARE_PART)');
      // the interrupting stop message withdraws the repair
      expect(source).toContain('m & ~(TASK_STOP_ORDER | TASK_REPAIR_MACHINE)');
    },
  },
});
