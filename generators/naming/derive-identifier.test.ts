import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveIdentifier, IdentifierScope, type IdentifierCase } from './derive-identifier.js';
import { isReservedWord } from './solidity-reserved.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

describe('deriveIdentifier', () => {
  it('transliterates Chinese to toneless pinyin, one word per syllable', () => {
    // given Chinese task names, when derived, then they read as pinyin in the asked case
    expect(deriveIdentifier('发货', 'Task_1', 'camel')).toBe('faHuo');
    expect(deriveIdentifier('确认订单', 'Task_1', 'pascal')).toBe('QueRenDingDan');
    expect(deriveIdentifier('质检', 'Task_1', 'upperSnake')).toBe('ZHI_JIAN');
    // mixed with Latin words and digits
    expect(deriveIdentifier('订单-V2 发货', 'Task_1', 'camel')).toBe('dingDanV2FaHuo');
  });

  it('splits any punctuation and camelCase into words', () => {
    expect(deriveIdentifier('Ship goods', 'x', 'camel')).toBe('shipGoods');
    expect(deriveIdentifier('ship-goods/now!', 'x', 'pascal')).toBe('ShipGoodsNow');
    expect(deriveIdentifier('HTTPServer ok', 'x', 'upperSnake')).toBe('HTTP_SERVER_OK');
  });

  it('keeps the letters of accented and fullwidth Latin names', () => {
    expect(deriveIdentifier('Übergabe prüfen', 'x', 'camel')).toBe('ubergabePrufen');
    expect(deriveIdentifier('ＡＢＣ检查', 'x', 'camel')).toBe('abcJianCha');
  });

  it('suffixes keywords, sized type names, globals and the names the contracts use', () => {
    // given names that are reserved in Solidity or in the generated contracts
    for (const [name, expected] of [
      ['function', 'function_'],
      ['address', 'address_'],
      ['uint8', 'uint8_'],
      ['bytes32', 'bytes32_'],
      ['msg', 'msg_'],
      ['marking', 'marking_'],
    ]) {
      // when derived, then an underscore keeps them apart from the reserved word
      expect(deriveIdentifier(name, 'x', 'camel')).toBe(expected);
    }
    expect(deriveIdentifier('Address', 'x', 'pascal')).toBe('Address_');
  });

  it('never starts with a digit', () => {
    expect(deriveIdentifier('3D print', 'x', 'camel')).toBe('n3DPrint');
    expect(deriveIdentifier('2024 order', 'x', 'pascal')).toBe('N2024Order');
    expect(deriveIdentifier('1', 'x', 'upperSnake')).toBe('N1');
  });

  it('falls back to the element id when the name gives no word', () => {
    // given empty, blank, punctuation-only and unnamed elements
    expect(deriveIdentifier(undefined, 'Task_0abc', 'camel')).toBe('task0abc');
    expect(deriveIdentifier('', 'Gateway_Accept', 'pascal')).toBe('GatewayAccept');
    expect(deriveIdentifier('  !!! ', 'Task_7', 'camel')).toBe('task7');
    // and when the id gives none either, a fixed word
    expect(deriveIdentifier('???', '---', 'camel')).toBe('x');
  });

  it('is deterministic', () => {
    expect(deriveIdentifier('发货 Ship', 'a', 'camel')).toBe(deriveIdentifier('发货 Ship', 'b', 'camel'));
  });

  it('always gives a valid identifier that is not reserved, for any text (property)', () => {
    const style = fc.constantFrom<IdentifierCase>('camel', 'pascal', 'upperSnake');
    // names from the whole of Unicode, plus the hard cases: keywords, digits, Han, separators
    const name = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom('发', '货', 'a', 'Z', '9', ' ', '_', '-', 'é', '\u2028', '\u202e', '"', 'uint', '8', 'address'), maxLength: 12 }),
      fc.constantFrom('function', 'uint256', 'bytes32', 'msg', 'this', 'registry', '0', ''),
    );
    fc.assert(
      fc.property(name, fc.string({ unit: 'binary', maxLength: 10 }), style, (n, fallback, s) => {
        const id = deriveIdentifier(n, fallback, s);
        expect(id).toMatch(IDENTIFIER);
        expect(isReservedWord(id)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('IdentifierScope', () => {
  it('numbers collisions in the order of the claims, ignoring case', () => {
    // given a scope that already reserves a name
    const scope = new IdentifierScope(['startInstance']);
    // when names collide, then later claims get _2, _3 and case-only differences count as collisions
    expect(scope.claim('faHuo')).toBe('faHuo');
    expect(scope.claim('faHuo')).toBe('faHuo_2');
    expect(scope.claim('FaHuo')).toBe('FaHuo_3');
    expect(scope.claim('startInstance')).toBe('startInstance_2');
    expect(scope.claim('other')).toBe('other');
  });

  it('gives the same names for the same claims in the same order', () => {
    const claims = ['a', 'b', 'a', 'A', 'b_2', 'b'];
    const run = () => {
      const scope = new IdentifierScope();
      return claims.map((c) => scope.claim(c));
    };
    expect(run()).toEqual(run());
    // and never hands out one name twice
    expect(new Set(run().map((x) => x.toLowerCase())).size).toBe(claims.length);
  });
});
