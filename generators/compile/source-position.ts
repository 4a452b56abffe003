/**
 * solc reports source locations as BYTE offsets into the UTF-8 encoding of a file, while editors
 * (Monaco) and JavaScript strings count UTF-16 code units. Generated sources carry Chinese
 * comments and string literals (3 bytes per character in UTF-8), so the two differ on almost
 * every line; this converts one to the other.
 */
export interface LineColumn {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units (what Monaco and `String#slice` count). */
  column: number;
}

/** Bytes that the UTF-16 code unit at `index` takes in UTF-8; a surrogate pair is 4 bytes in all. */
function utf8Width(text: string, index: number): { bytes: number; units: number } {
  const code = text.charCodeAt(index);
  if (code < 0x80) return { bytes: 1, units: 1 };
  if (code < 0x800) return { bytes: 2, units: 1 };
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  const next = text.charCodeAt(index + 1);
  if (isHighSurrogate && next >= 0xdc00 && next <= 0xdfff) return { bytes: 4, units: 2 };
  // A lone surrogate is encoded as U+FFFD (3 bytes) by TextEncoder and by solc's input reader.
  return { bytes: 3, units: 1 };
}

/**
 * Line and column of the character that starts at UTF-8 byte offset `byteOffset` in `text`.
 * An offset inside a multi-byte character resolves to that character; an offset past the end
 * resolves to the end of the text. Returns undefined for a negative offset (solc uses -1 for
 * "no location").
 */
export function byteOffsetToLineColumn(text: string, byteOffset: number): LineColumn | undefined {
  if (!Number.isInteger(byteOffset) || byteOffset < 0) return undefined;
  let line = 1;
  let lineStart = 0;
  let bytes = 0;
  let index = 0;
  while (index < text.length) {
    const width = utf8Width(text, index);
    if (bytes + width.bytes > byteOffset) break;
    bytes += width.bytes;
    if (text.charCodeAt(index) === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
    index += width.units;
  }
  return { line, column: index - lineStart + 1 };
}
