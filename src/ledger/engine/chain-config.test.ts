/** The ledger's Common: parameters merged once must read exactly as ethereumjs's own merging gives them. */
import { paramsBlock } from '@ethereumjs/block';
import { createCustomCommon, Mainnet, type Common } from '@ethereumjs/common';
import { paramsEVM } from '@ethereumjs/evm';
import { paramsTx } from '@ethereumjs/tx';
import { paramsVM } from '@ethereumjs/vm';
import { describe, expect, it } from 'vitest';
import { createLedgerCommon, LEDGER_HARDFORK } from './chain-config.js';

const SETS = [paramsEVM, paramsVM, paramsBlock, paramsTx];
const names = [...new Set(SETS.flatMap((set) => Object.values(set).flatMap((entries) => Object.keys(entries))))];

function read(common: Common): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      try {
        return [name, String(common.param(name))];
      } catch {
        return [name, 'absent'];
      }
    }),
  );
}

describe('createLedgerCommon', () => {
  it('reads every parameter as a Common that merged the sets the usual way (VM, then blocks and transactions)', () => {
    // given ethereumjs's flow: createVM merges EVM and VM params, every header and transaction its own set again
    const reference = createCustomCommon({ chainId: 7, name: 'chainflow-7' }, Mainnet, { hardfork: LEDGER_HARDFORK });
    for (const set of SETS) reference.updateParams(set);
    // when the ledger's Common goes through the same calls, on itself and on copies as headers and transactions make them
    const ours = createLedgerCommon(7);
    ours.updateParams(paramsEVM);
    ours.updateParams(paramsVM);
    const txCopy = ours.copy();
    txCopy.updateParams(paramsTx);
    const headerCopy = ours.copy();
    headerCopy.updateParams(paramsBlock);
    // then every parameter reads the same
    const expected = read(reference);
    expect(Object.values(expected).filter((v) => v !== 'absent').length).toBeGreaterThan(50);
    expect(read(ours)).toEqual(expected);
    expect(read(txCopy)).toEqual(expected);
    expect(read(headerCopy)).toEqual(expected);
  });

  it('still merges a parameter set it has not seen', () => {
    const copy = createLedgerCommon(7).copy();
    copy.updateParams({ 1559: { ledgerTestParam: 42 } });
    expect(copy.param('ledgerTestParam')).toBe(42n);
  });

  it('answers isActivatedEIP as ethereumjs does, also after the hardfork or the EIPs change', () => {
    // given a stock Common and the ledger's, on the same chain and hardfork
    const stock = createCustomCommon({ chainId: 7, name: 'chainflow-7' }, Mainnet, { hardfork: LEDGER_HARDFORK });
    const ours = createLedgerCommon(7);
    const eips = Array.from({ length: 8000 }, (_, i) => i);
    const answers = (common: Common) => eips.filter((eip) => common.isActivatedEIP(eip));
    // then every EIP number reads the same, on the Common and on a copy
    expect(answers(ours)).toEqual(answers(stock));
    expect(answers(ours).length).toBeGreaterThan(20);
    expect(answers(ours.copy())).toEqual(answers(stock));
    // when a copy moves to another hardfork, and another activates an extra EIP
    const older = ours.copy();
    older.setHardfork('london');
    stock.setHardfork('london');
    const extra = ours.copy();
    extra.setEIPs([7702]);
    // then each answers for its own EIPs, and the original is unchanged
    expect(answers(older)).toEqual(answers(stock));
    expect(extra.isActivatedEIP(7702)).toBe(true);
    expect(ours.isActivatedEIP(7702)).toBe(false);
    expect(ours.isActivatedEIP(1153)).toBe(true);
    expect(older.isActivatedEIP(1153)).toBe(false);
  });
});
