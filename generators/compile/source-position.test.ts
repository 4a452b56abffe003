import { describe, expect, it } from 'vitest';
import { byteOffsetToLineColumn } from './source-position.js';

/** The byte offset solc would report for the first occurrence of `needle` in `text`. */
function byteOffsetOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture does not contain ${needle}`);
  return new TextEncoder().encode(text.slice(0, index)).length;
}

describe('byteOffsetToLineColumn', () => {
  it('counts ASCII bytes as columns', () => {
    // given a pure ASCII text, when we ask for offset 0 and an offset on line 2
    const text = 'abc\ndef';
    // then offsets and columns coincide
    expect(byteOffsetToLineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(byteOffsetToLineColumn(text, 5)).toEqual({ line: 2, column: 2 });
  });

  it('counts a Chinese character (3 UTF-8 bytes) as one column', () => {
    // given a line with Chinese before the target
    const text = '// 注释\nuint 数量 = x;';
    // when converting the byte offset of `x`
    const position = byteOffsetToLineColumn(text, byteOffsetOf(text, 'x;'));
    // then the column is the UTF-16 column on line 2
    expect(position).toEqual({ line: 2, column: '数量 = '.length + 6 });
  });

  it('counts an emoji (4 bytes, a UTF-16 surrogate pair) as two columns, like Monaco', () => {
    const text = 's = "📦"; y';
    expect(byteOffsetToLineColumn(text, byteOffsetOf(text, 'y'))).toEqual({ line: 1, column: text.indexOf('y') + 1 });
  });

  it('resolves CRLF line ends to the next line', () => {
    const text = 'a\r\nb\r\nc';
    expect(byteOffsetToLineColumn(text, byteOffsetOf(text, 'c'))).toEqual({ line: 3, column: 1 });
  });

  it('resolves an offset inside a multi-byte character to that character', () => {
    const text = 'a中b';
    expect(byteOffsetToLineColumn(text, 2)).toEqual({ line: 1, column: 2 });
  });

  it('clamps an offset past the end to the end, and rejects negative offsets', () => {
    expect(byteOffsetToLineColumn('ab\n', 99)).toEqual({ line: 2, column: 1 });
    expect(byteOffsetToLineColumn('ab', -1)).toBeUndefined();
  });
});
