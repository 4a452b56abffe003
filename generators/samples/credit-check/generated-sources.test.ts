/**
 * The scope sample's generated Solidity (a subprocess with error, timer and message boundaries): a reviewable snapshot, laid out as prettier-plugin-solidity
 * would, compiled by solc without a warning. Run `npx vitest run -u` after an intended change.
 */
import { expect } from 'vitest';
import { checkGeneratedSample } from '../check-generated-sample.js';

checkGeneratedSample('credit-check', {
  workspace: new URL('./workspace.json', import.meta.url),
  snapshot: './__snapshots__/InvoiceFinancing.sol',
  expectations: {
    title: 'the subprocess bit and masks, entering it, the catch of the error, the settling that completes it, the 2-of-3 approval',
    check: (source, generated) => {
      const sub = 'SUB_XIN_YONG_SHEN_CHA_CREDIT_CHECK';
      // its own bit after every other bit, its inside (its two tasks), all of it with its timer and its message boundary
      expect(source).toContain(`uint256 private constant ${sub} = 1 << 8;`);
      expect(source).toMatch(new RegExp(`${sub}_INNER =\\s+TASK_REVIEW_FINANCIALS \\| TASK_CONFIRM_LIMIT;`));
      expect(source).toMatch(new RegExp(`${sub}_ALL =\\s+${sub} \\|\\s+${sub}_INNER \\|\\s+TIMER_5_DAYS_PASSED \\|\\s+TASK_APPLICATION_WITHDRAWN;`));
      // entering arms the withdrawal; delivering it withdraws all of the check with one mask, completing it disarms it
      expect(source).toMatch(new RegExp(`m \\|\\s+${sub} \\|\\s+TIMER_5_DAYS_PASSED \\|\\s+TASK_APPLICATION_WITHDRAWN \\|\\s+TASK_REVIEW_FINANCIALS;`));
      expect(source).toMatch(new RegExp(`m =\\s+m &\\s+~\\(TASK_APPLICATION_WITHDRAWN \\|\\s+${sub}_ALL\\);`));
      expect(source).toMatch(new RegExp(`~\\(${sub} \\|\\s+TIMER_5_DAYS_PASSED \\|\\s+TASK_APPLICATION_WITHDRAWN\\)\\) \\|\\s+TASK_APPROVE_FINANCING;`));
      // the error end's token is caught in the same step: one emit naming the error
      expect(source).toContain('emit ErrorCaught(instanceId, 0, "CREDIT_REJECTED");');
      expect(source).toContain('return _catchCreditRejected(instanceId, m);');
      // the steps inside the subprocess settle; the one after it does not
      expect(source).toMatch(/uint256 rest = m & ~TASK_CONFIRM_LIMIT;\s+m = _settle\(rest\);/);
      expect(source).not.toContain('_settle(m & ~TASK_DISBURSE_FUNDS)');
      expect(generated.processes[0].ir!.subprocesses.map((s) => s.inner)).toEqual([[0, 1]]);
      // the approval: one counter word per activation, a participant once per activation, done at two of three
      expect(source).toContain('if (_multiBy[instanceId][msg.sender][0] == activation) {');
      expect(source).toContain('if (completed < 3 && !(completed >= 2)) {');
      // reached by the subprocess's completion, which activates it
      expect(source).toMatch(/_activateMulti\(instanceId, m & ~rest\);/);
    },
  },
});
