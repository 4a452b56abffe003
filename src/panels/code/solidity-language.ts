/**
 * A small Monarch tokenizer for the Solidity the generator prints: keywords, types, numbers,
 * strings, comments (incl. NatSpec) and operators. Enough to read generated code; not a parser.
 */
import type { languages } from 'monaco-editor/editor';

export const SOLIDITY_LANGUAGE_ID = 'solidity';

export const solidityLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: [
    'pragma', 'solidity', 'import', 'contract', 'interface', 'library', 'abstract', 'is', 'struct', 'enum', 'event',
    'error', 'function', 'modifier', 'constructor', 'receive', 'fallback', 'returns', 'return', 'if', 'else', 'for',
    'while', 'do', 'break', 'continue', 'emit', 'revert', 'require', 'assert', 'new', 'delete', 'using', 'mapping',
    'public', 'private', 'internal', 'external', 'view', 'pure', 'payable', 'constant', 'immutable', 'override',
    'virtual', 'memory', 'storage', 'calldata', 'indexed', 'anonymous', 'unchecked', 'try', 'catch', 'type', 'true',
    'false', 'this', 'super', 'SPDX-License-Identifier',
  ],
  typeKeywords: ['address', 'bool', 'string', 'bytes', 'int', 'uint', 'byte'],
  operators: ['=', '>', '<', '!', '~', '?', ':', '==', '<=', '>=', '!=', '&&', '||', '++', '--', '+', '-', '*', '/', '&', '|', '^', '%', '<<', '>>', '+=', '-=', '*=', '/=', '&=', '|=', '^=', '%=', '<<=', '>>=', '=>'],
  symbols: /[=><!~?:&|+\-*/^%]+/,
  escapes: /\\(?:[nrt\\"'0]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})/,
  tokenizer: {
    root: [
      [/\b(?:u?int|bytes)(?:\d+)?\b/, 'type'],
      [
        /[a-zA-Z_$][\w$]*/,
        { cases: { '@typeKeywords': 'type', '@keywords': 'keyword', '@default': 'identifier' } },
      ],
      { include: '@whitespace' },
      [/[{}()[\]]/, '@brackets'],
      [/@symbols/, { cases: { '@operators': 'operator', '@default': '' } }],
      [/0[xX][0-9a-fA-F_]+/, 'number.hex'],
      [/\d[\d_]*(\.\d+)?([eE][-+]?\d+)?/, 'number'],
      [/[;,.]/, 'delimiter'],
      [/"([^"\\]|\\.)*$/, 'string.invalid'],
      [/"/, 'string', '@string'],
    ],
    whitespace: [
      [/[ \t\r\n]+/, ''],
      [/\/\*/, 'comment', '@comment'],
      [/\/\/\/.*$/, 'comment.doc'],
      [/\/\/.*$/, 'comment'],
    ],
    comment: [
      [/[^/*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/[/*]/, 'comment'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/@escapes/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/"/, 'string', '@pop'],
    ],
  },
};

export const solidityConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
  folding: { markers: { start: /^\s*\/\/\s*#region\b/, end: /^\s*\/\/\s*#endregion\b/ } },
};
