/**
 * The timer sample's generated Solidity: a reviewable snapshot, laid out as prettier-plugin-solidity
 * would, compiled by solc without a warning. Run `npx vitest run -u` after an intended change.
 */
import { expect } from 'vitest';
import { checkGeneratedSample } from '../check-generated-sample.js';

checkGeneratedSample('timer-escalation', {
  workspace: new URL('./workspace.json', import.meta.url),
  snapshot: './__snapshots__/OrderEscalation.sol',
  expectations: {
    title: 'with one trigger function per timer',
    check: (source, generated) => {
      for (const fn of ['trigger48HoursPassed', 'triggerADayPassed', 'triggerGoodsSettled']) expect(source).toContain(`function ${fn}(uint256 instanceId) external {`);
    },
  },
});
