import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { bin, call, id, member, num, type Expr } from './contract-model.js';
import { printExpr } from './print-solidity.js';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';

const neg = (arg: Expr): Expr => ({ kind: 'un', op: '-', arg });

describe('printExpr', () => {
  it('adds the parentheses precedence needs, and the ones prettier adds for readers', () => {
    // precedence
    expect(printExpr(bin('*', bin('+', id('a'), id('b')), id('c')))).toBe('(a + b) * c');
    expect(printExpr(bin('-', id('a'), bin('-', id('b'), id('c'))))).toBe('a - (b - c)');
    // bitwise inside comparisons, & inside |
    expect(printExpr(bin('==', bin('&', id('m'), id('X')), num(0)))).toBe('(m & X) == 0');
    expect(printExpr(bin('|', bin('&', id('m'), id('X')), id('Y')))).toBe('(m & X) | Y');
    // what prettier-plugin-solidity "hugs": && inside ||, arithmetic inside bitwise, == inside ==
    expect(printExpr(bin('||', id('a'), bin('&&', id('b'), id('c'))))).toBe('a || (b && c)');
    expect(printExpr(bin('&', id('m'), bin('<<', num(1), num(3))))).toBe('m & (1 << 3)');
    expect(printExpr(bin('==', bin('==', id('a'), id('b')), id('c')))).toBe('(a == b) == c');
    expect(printExpr(bin('*', bin('/', id('a'), id('b')), id('c')))).toBe('(a / b) * c');
  });

  it('never prints a double minus as a decrement', () => {
    expect(printExpr(neg(neg(id('x'))))).toBe('-(-x)');
    expect(printExpr(neg(num(5)))).toBe('-5');
  });

  it('prints calls and member access', () => {
    expect(printExpr(call(member(call('IRoleSink', id('p')), 'syncRoles'), id('a'), id('b')))).toBe('IRoleSink(p).syncRoles(a, b)');
  });
});

// ---- property: prettier agrees with the printer's layout ---------------------------------

const sample = JSON.parse(readFileSync(new URL('../samples/order-fulfilment/workspace.json', import.meta.url), 'utf8'));
const BPMN: string = sample.processes[0].bpmn;
const xmlAttr = (s: string) => s.replace(/[&<>"'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
const xmlText = (s: string) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Names that make long identifiers, long string literals (some Chinese, some quoted) and breaks. */
const longName = fc
  .array(fc.constantFrom('Ship', ' the goods', ' to the customer', "'s", ' "main"', ' warehouse', ' 发货', ' 确认订单', '\\', ' Averyveryverylongwordwithoutspaces', ' 2'), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));
const condition = fc.constantFrom(
  'defects <= 2',
  'item = "some long text that goes on and on and on and on and on" and defects < 3',
  'item != "它\\"s" or quantity * unitPrice > 1000000 and defects <= 2',
  '(defects - 1) * (defects + 2) / 3 >= 7 or defects = 0 and not(defects = 4)',
  '-defects < -2 or defects + 7 / 2 > quantity - unitPrice',
);

describe('printSourceUnit layout', () => {
  it('is what prettier-plugin-solidity would print, for long and odd names and conditions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(longName, longName, condition, async (task, gateway, cond) => {
        // given the sample with a long task name, gateway name and a more complex condition
        const bpmn = BPMN.replace('name="Ship goods"', `name="${xmlAttr(task)}"`)
          .replace('name="Quality ok?"', `name="${xmlAttr(gateway)}"`)
          .replace('defects &lt;= 2', xmlText(cond));
        const generated = await generateWorkspace(loadWorkspace({ ...sample, processes: [{ ...sample.processes[0], bpmn }] }).workspace!);
        expect(generated.problems).toEqual([]);
        // when prettier formats the process file, then it changes nothing
        const source = generated.sources[1];
        const formatted = await prettier.format(source.content, { filepath: source.file, plugins: ['prettier-plugin-solidity'] });
        expect(source.content.split('\n')).toEqual(formatted.split('\n'));
      }),
      { numRuns: 10 },
    );
  }, 60_000);
});
