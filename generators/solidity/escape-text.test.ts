import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentLines, commentText, solidityStringLiteral } from './escape-text.js';
import { compileSolidity } from '../compile/solc-node.js';
import { generateWorkspace } from '../generate-workspace.js';
import { loadWorkspace } from '../model/load-workspace.js';

describe('solidityStringLiteral', () => {
  it('writes plain ASCII as an ordinary double-quoted literal', () => {
    expect(solidityStringLiteral('Ship goods')).toBe('"Ship goods"');
    expect(solidityStringLiteral("it's")).toBe('"it\'s"');
  });

  it('escapes quotes and backslashes, choosing the quotes prettier would', () => {
    // given more double than single quotes, the literal uses single quotes (as prettier does)
    expect(solidityStringLiteral('say "hi"')).toBe(`'say "hi"'`);
    expect(solidityStringLiteral(`"it's"`)).toBe(`'"it\\'s"'`);
    // otherwise double quotes, escaping the double quote
    expect(solidityStringLiteral(`a"b's'`)).toBe(`"a\\"b's'"`);
    expect(solidityStringLiteral('C:\\path\\')).toBe('"C:\\\\path\\\\"');
  });

  it('escapes line breaks and other control characters', () => {
    expect(solidityStringLiteral('a\nb\r\tc')).toBe('"a\\nb\\r\\tc"');
    expect(solidityStringLiteral('\u0001\u007f')).toBe('"\\x01\\x7f"');
  });

  it('escapes Unicode line separators and bidirectional controls instead of writing them raw', () => {
    expect(solidityStringLiteral('a\u2028b\u2029c\u0085')).toBe('unicode"a\\u2028b\\u2029c\\u0085"');
    // a right-to-left override could make code read differently from what it does
    expect(solidityStringLiteral('admin\u202e\u2066x')).toBe('unicode"admin\\u202e\\u2066x"');
    expect(solidityStringLiteral('\ufeffBOM')).toBe('unicode"\\ufeffBOM"');
  });

  it('keeps Chinese readable in a unicode literal', () => {
    expect(solidityStringLiteral('发货')).toBe('unicode"发货"');
    expect(solidityStringLiteral('确认 "订单"')).toBe(`unicode'确认 "订单"'`);
  });
});

describe('commentText and commentLines', () => {
  it('make a single comment line that no terminator can end early', () => {
    // given text with every kind of line terminator, when made a comment line, then none is left
    const text = commentText('first\nsecond\r\nthird\u2028fourth\u2029fifth\u0085sixth\u000bseventh');
    expect(text).toBe('first second third fourth fifth sixth seventh');
    expect(text).not.toMatch(/[\n\r\u2028\u2029\u0085\u000b\u000c]/);
  });

  it('drop bidirectional controls and squeeze whitespace', () => {
    expect(commentText('  a\u202eb\u2067c   d  ')).toBe('abc d');
  });

  it('keep paragraphs as separate safe lines and drop empty ones', () => {
    expect(commentLines('One.\n\nTwo\u2028Three */ end')).toEqual(['One.', 'Two', 'Three */ end']);
  });
});

// ---- property: any name still gives Solidity that compiles cleanly ------------------------

const sample = JSON.parse(readFileSync(new URL('../samples/order-fulfilment/workspace.json', import.meta.url), 'utf8'));
const BPMN: string = sample.processes[0].bpmn;

/** XML attribute text: markup characters and whitespace controls as character references. */
const xmlAttr = (s: string) => s.replace(/[&<>"'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
/** Characters XML 1.0 can carry at all. */
const xmlLegal = (s: string) => s.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '');

const hostileName = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', `'"'`, '\\', '*/', '/*', '//', '\n', '\r\n', '\u2028', '\u2029', '\u202e', '\u2066', '\u200f', '\ufeff', "'", 'unicode"', '发货', '确认订单', '\u0085', '\t', ' '),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom('function', 'address', 'Data', 'Instance started', 'marking', 'uint8', '3D'),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => xmlLegal(parts.join('')));

describe('generated Solidity for hostile names', () => {
  it('compiles with no error and no warning whatever the task, lane, gateway, flow and process are called (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, hostileName, hostileName, hostileName, async (task, lane, process, gateway) => {
        // given the sample with a task, a lane, a gateway, a flow and the process renamed
        const bpmn = BPMN.replace('name="Ship goods"', `name="${xmlAttr(task)}"`)
          .replace('name="Carrier" cf:role="Carrier"', `name="${xmlAttr(lane)}" cf:role="Carrier"`)
          .replace('<bpmn:process id="OrderFulfilment" name="Order fulfilment"', `<bpmn:process id="OrderFulfilment" name="${xmlAttr(process)}"`)
          .replace('name="Accept order?"', `name="${xmlAttr(gateway)}"`)
          .replace('name="Accept" sourceRef', `name="${xmlAttr(task)}" sourceRef`);
        const workspace = loadWorkspace({ ...sample, processes: [{ ...sample.processes[0], bpmn }] }).workspace!;
        // when generated and compiled
        const generated = await generateWorkspace(workspace);
        expect(generated.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(generated.sources).toHaveLength(2);
        // (the registry does not depend on these names: the process file alone keeps the run fast)
        const compiled = await compileSolidity(generated.sources.slice(1));
        // then solc reports nothing at all
        expect(compiled.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.formatted)).toEqual([]);
        expect(compiled.ok).toBe(true);
        // and no user text escaped a comment or a literal onto a line of its own
        for (const source of generated.sources) expect(source.content).not.toMatch(/[\r\u2028\u2029\u0085\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
