/**
 * The one printer: SourceUnit -> Solidity text in the layout prettier-plugin-solidity produces
 * (4-space indent, 80 columns, long parameter and argument lists broken one per line), so the
 * output is already formatted; a test checks prettier leaves it unchanged. It also records the
 * line range of every function that implements a BPMN element, for the IDE's code reveal.
 */
import type {
  ContractDecl, Expr, FunctionDecl, NatSpec, Param, SourceUnit, Statement,
} from './contract-model.js';
import { commentLines, commentText, solidityStringLiteral } from './escape-text.js';

const WIDTH = 80;
const INDENT = '    ';

export interface ElementLines {
  elementId: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
}

export interface PrintResult {
  text: string;
  elementLines: ElementLines[];
}

const PRECEDENCE: Record<string, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '|': 5, '&': 7, '<<': 8, '+': 9, '-': 9, '*': 10, '/': 10,
};

export function printExpr(e: Expr, parentPrec = 0): string {
  switch (e.kind) {
    case 'id':
      return e.name;
    case 'num':
      return e.hex ? `0x${e.value.toString(16)}` : e.value.toString();
    case 'bool':
      return String(e.value);
    case 'str':
      return solidityStringLiteral(e.value);
    case 'un':
      return e.op === '++' ? `++${printExpr(e.arg, 11)}` : `${e.op}${printExpr(e.arg, 11)}`;
    case 'call':
      return `${printExpr(e.fn, 12)}(${e.args.map((a) => printExpr(a)).join(', ')})`;
    case 'member':
      return `${printExpr(e.obj, 12)}.${e.name}`;
    case 'index':
      return `${printExpr(e.obj, 12)}[${printExpr(e.index)}]`;
    case 'bin': {
      const prec = PRECEDENCE[e.op];
      // bitwise operators inside comparisons get parentheses even where Solidity would not
      // need them: readers coming from C expect `==` to bind tighter than `&`
      // (and `&` inside `|`): readers coming from C expect `==` to bind tighter than `&`
      const bitwise = e.op === '&' || e.op === '|' || e.op === '<<';
      const text = `${printExpr(e.left, prec)} ${e.op} ${printExpr(e.right, prec + 1)}`;
      const clarify = bitwise && parentPrec > 0 && (parentPrec <= 4 || (parentPrec === PRECEDENCE['|'] && e.op === '&'));
      return prec < parentPrec || clarify ? `(${text})` : text;
    }
  }
}

function printParam(p: Param): string {
  return [p.type, p.indexed ? 'indexed' : '', p.location ?? '', p.name].filter(Boolean).join(' ');
}

/** `head(` items `)tail`, on one line when it fits, else one item per line. */
function wrapList(indent: string, head: string, items: string[], tail: string): string[] {
  const oneLine = `${indent}${head}(${items.join(', ')})${tail}`;
  if (oneLine.length <= WIDTH || items.length === 0) return [oneLine];
  return [`${indent}${head}(`, ...items.map((it, i) => `${indent}${INDENT}${it}${i < items.length - 1 ? ',' : ''}`), `${indent})${tail}`];
}

function printNatSpec(n: NatSpec | undefined, indent: string): string[] {
  if (!n) return [];
  const out: string[] = [];
  const tag = (name: string, text: string) => {
    const lines = commentLines(text);
    lines.forEach((line, i) => out.push(`${indent}/// ${i === 0 ? `@${name} ` : ''}${line}`));
  };
  if (n.title) tag('title', n.title);
  n.notice?.forEach((t) => tag('notice', t));
  n.dev?.forEach((t) => tag('dev', t));
  n.params?.forEach((p) => tag('param', `${p.name} ${commentText(p.text)}`));
  n.returns?.forEach((r) => tag('return', `${r.name} ${commentText(r.text)}`));
  return out;
}

function printStatements(body: Statement[], indent: string): string[] {
  return body.flatMap((s) => printStatement(s, indent));
}

function printStatement(s: Statement, indent: string): string[] {
  const inner = indent + INDENT;
  switch (s.kind) {
    case 'let':
      return [`${indent}${s.type} ${s.name}${s.value ? ` = ${printExpr(s.value)}` : ''};`];
    case 'assign':
      return [`${indent}${printExpr(s.target)} ${s.op} ${printExpr(s.value)};`];
    case 'expr':
      return [`${indent}${printExpr(s.expr)};`];
    case 'return':
      return [`${indent}return${s.value ? ` ${printExpr(s.value)}` : ''};`];
    case 'comment':
      return commentLines(s.text).map((line) => `${indent}// ${line}`);
    case 'revert':
      return wrapList(indent, `revert ${s.error}`, s.args.map((a) => printExpr(a)), ';');
    case 'emit':
      return wrapList(indent, `emit ${s.event}`, s.args.map((a) => printExpr(a)), ';');
    case 'for':
      return [
        `${indent}for (uint256 ${s.index} = 0; ${s.index} < ${printExpr(s.bound)}; ++${s.index}) {`,
        ...printStatements(s.body, inner),
        `${indent}}`,
      ];
    case 'if': {
      const out = [`${indent}if (${printExpr(s.cond)}) {`, ...printStatements(s.then, inner)];
      if (s.else?.length) {
        if (s.else.length === 1 && s.else[0].kind === 'if') {
          const [first, ...rest] = printStatement(s.else[0], indent);
          out.push(`${indent}} else ${first.trimStart()}`, ...rest);
          return out;
        }
        out.push(`${indent}} else {`, ...printStatements(s.else, inner));
      }
      out.push(`${indent}}`);
      return out;
    }
  }
}

function printFunction(f: FunctionDecl, indent: string): string[] {
  const head = f.kind === 'constructor' ? 'constructor' : `function ${f.name}`;
  const modifiers = [f.kind === 'constructor' ? '' : f.visibility, f.mutability === 'nonpayable' ? '' : f.mutability]
    .filter(Boolean)
    .join(' ');
  const returns = f.returns.length ? ` returns (${f.returns.map(printParam).join(', ')})` : '';
  const tail = `${modifiers ? ` ${modifiers}` : ''}${returns}${f.body ? ' {' : ';'}`;
  const out = [...printNatSpec(f.natspec, indent), ...wrapList(indent, head, f.params.map(printParam), tail)];
  if (f.body) out.push(...printStatements(f.body, indent + INDENT), `${indent}}`);
  return out;
}

function printContract(c: ContractDecl, lineOffset: number, elementLines: ElementLines[]): string[] {
  const i = INDENT;
  const out: string[] = [...printNatSpec(c.natspec, ''), `${c.kind} ${c.name} {`];
  // declarations come in sections; items that carry NatSpec are separated by a blank line
  const section = (items: string[][]) =>
    items.flatMap((lines, k) => (k > 0 && (lines.length > 1 || items[k - 1].length > 1) ? ['', ...lines] : lines));
  const sections = [
    section(c.constants.map((k) => [...printNatSpec(k.natspec, i), `${i}${k.type} ${k.visibility} constant ${k.name} = ${printExpr(k.value)};`])),
    section(c.structs.map((s) => [...printNatSpec(s.natspec, i), `${i}struct ${s.name} {`, ...s.members.map((m) => `${i}${i}${m.type} ${m.name};`), `${i}}`])),
    section(c.stateVars.map((v) => [...printNatSpec(v.natspec, i), `${i}${v.type} ${v.visibility}${v.immutable ? ' immutable' : ''} ${v.name};`])),
    section(c.errors.map((e) => [...printNatSpec(e.natspec, i), ...wrapList(i, `error ${e.name}`, e.params.map(printParam), ';')])),
    section(c.events.map((e) => [...printNatSpec(e.natspec, i), ...wrapList(i, `event ${e.name}`, e.params.map(printParam), ';')])),
  ].filter((s) => s.length > 0);
  let first = true;
  const separate = () => {
    if (!first) out.push('');
    first = false;
  };
  for (const s of sections) {
    separate();
    out.push(...s);
  }
  for (const f of c.functions) {
    separate();
    const lines = printFunction(f, i);
    const start = lineOffset + out.length + 1;
    out.push(...lines);
    if (f.elementId) elementLines.push({ elementId: f.elementId, startLine: start, endLine: lineOffset + out.length });
  }
  out.push('}');
  return out;
}

export function printSourceUnit(unit: SourceUnit): PrintResult {
  const lines: string[] = [`// SPDX-License-Identifier: ${unit.license}`, ...unit.header.map((h) => `// ${commentText(h)}`), `pragma solidity ${unit.pragma};`];
  const elementLines: ElementLines[] = [];
  for (const c of unit.contracts) {
    lines.push('');
    lines.push(...printContract(c, lines.length, elementLines));
  }
  return { text: `${lines.join('\n')}\n`, elementLines };
}
