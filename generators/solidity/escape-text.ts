/**
 * The only two ways user text reaches generated Solidity: as a string literal or inside a `///`
 * comment. Both are made unable to break out here: literals are escaped (written as
 * unicode"..." when they hold non-ASCII, so Chinese stays readable, and in the quotes prettier
 * would pick, so formatting never rewrites them), comments lose every line
 * terminator and every bidirectional control character (which solc rejects and which could hide
 * code from a reviewer).
 */
const LINE_TERMINATORS = /[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function solidityStringLiteral(text: string): string {
  // prettier's choice of quotes: double, unless the text holds more double quotes than single
  const count = (q: string) => text.split(q).length - 1;
  const quote = count('"') > count("'") ? "'" : '"';
  let body = '';
  let ascii = true;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') body += `\\${ch}`;
    else if (ch === '\n') body += '\\n';
    else if (ch === '\r') body += '\\r';
    else if (ch === '\t') body += '\\t';
    else if (code < 0x20 || code === 0x7f) body += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code > 0x7e && (LINE_TERMINATORS.test(ch) || BIDI_CONTROLS.test(ch) || code === 0xfeff)) {
      LINE_TERMINATORS.lastIndex = 0;
      BIDI_CONTROLS.lastIndex = 0;
      body += `\\u${code.toString(16).padStart(4, '0')}`;
      ascii = false;
    } else {
      if (code > 0x7e) ascii = false;
      body += ch;
    }
  }
  return `${ascii ? '' : 'unicode'}${quote}${body}${quote}`;
}

/** One line of comment text: no line breaks, no bidi controls, trimmed. */
export function commentText(text: string): string {
  return text.replace(LINE_TERMINATORS, ' ').replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** Splits documentation into comment lines (keeping the author's paragraphs), each made safe. */
export function commentLines(text: string): string[] {
  return text
    .split(LINE_TERMINATORS)
    .map(commentText)
    .filter((line) => line.length > 0);
}
