/**
 * The timer start sample's generated Solidity (a daily inspection round, R/…/P1D): a reviewable
 * snapshot, laid out as prettier-plugin-solidity would, compiled by solc without a warning.
 * Run `npx vitest run -u` after an intended change.
 */
import { expect } from 'vitest';
import { checkGeneratedSample } from '../check-generated-sample.js';

checkGeneratedSample('inspection-round', {
  workspace: new URL('./workspace.json', import.meta.url),
  snapshot: './__snapshots__/SheBeiRiChangXunJian.sol',
  expectations: {
    title: 'startInstance refuses a start before the round is due, and nextStartDueAt tells when it is',
    check: (source, generated) => {
      expect(generated.processes[0].ir.start.timer).toEqual({ definition: 'timeCycle', text: 'R/2026-01-01T08:00:00+08:00/P1D', firstDueAt: 1_767_225_600, periodSeconds: 86_400 });
      expect(source).toContain('function nextStartDueAt() external view returns (uint256 dueAt) {');
      // the error names the start event, through the shared table of error texts
      expect(source).toContain('// StartNotDue("每日巡检", startDueAt)');
      expect(source).toMatch(/_revertStartNotDue\(\d+, startDueAt\);/);
      expect(source).toContain('revert StartNotDue(_errorText(startEvent), dueAt);');
      expect(source).toContain('return unicode"每日巡检";');
    },
  },
});
