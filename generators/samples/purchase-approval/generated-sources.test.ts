/**
 * The call-activity sample's generated Solidity: the purchase order holds the approval process
 * inlined as a scope (its bit and masks, the catch of the approval's error end, the timer on the
 * call activity); a reviewable snapshot, laid out as prettier-plugin-solidity would, compiled by
 * solc without a warning. Run `npx vitest run -u` after an intended change.
 */
import { expect } from 'vitest';
import { checkGeneratedSample } from '../check-generated-sample.js';

checkGeneratedSample('purchase-approval', {
  workspace: new URL('./workspace.json', import.meta.url),
  snapshot: './__snapshots__/CaiGouDingDanPurchaseOrder.sol',
  expectations: {
    title: 'the called approval inlined as a scope of the order: its tasks under their own role, its error end caught on the call activity, the timer on the call activity',
    check: (source, generated) => {
      const [order, approval] = generated.processes.map((p) => p.ir);
      // the call activity is a scope holding the approval's two tasks, marked with the process it calls
      expect(order.subprocesses).toEqual([expect.objectContaining({ elementId: 'Call_Approval', calledProcess: { documentId: 'approval', processId: 'Approval', name: '审批 Approval' } })]);
      const inside = order.tasks.filter((t) => order.subprocesses[0].inner.includes(t.bit));
      expect(inside.map((t) => [t.elementId, t.role])).toEqual([['Call_Approval/Task_Review', 'Approver'], ['Call_Approval/Task_SignOff', 'Approver']]);
      // the approval's condition reads the order's amount: stored in the order's contract
      expect(order.fields.find((f) => f.name === 'amount')?.stored).toBe(true);
      // its error end is caught on the call activity, in the step that reaches it
      expect(source).toContain('emit ErrorCaught(instanceId, 0, "REJECTED");');
      // the timer on the call activity starts when the approval is entered
      expect(source).toMatch(/SUB_\w+_ALL =\s+SUB_\w+ \|\s+SUB_\w+_INNER \|\s+TIMER_2_DAYS_PASSED;/);
      // alone, the approval ends at its error end (nothing can catch it there)
      expect(approval.ends.find((e) => e.elementId === 'End_Rejected')).toMatchObject({ terminate: true, errorCode: 'REJECTED' });
    },
  },
});
