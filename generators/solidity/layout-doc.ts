/**
 * A small layout engine with the semantics of prettier's document printer (groups that break
 * when they do not fit, indentation, soft and hard line breaks, indent-if-break by group id),
 * so print-solidity.ts can build the same documents prettier-plugin-solidity builds and get the
 * same line breaks without bundling prettier. Only what the printer uses is implemented.
 */
export type Doc = string | Doc[] | GroupDoc | IndentDoc | LineDoc | IndentIfBreakDoc | LabelDoc;

export interface GroupDoc { type: 'group'; contents: Doc; break: boolean; id?: symbol }
export interface IndentDoc { type: 'indent'; by: 1 | -1; contents: Doc }
export interface LineDoc { type: 'line'; soft: boolean; hard: boolean }
export interface IndentIfBreakDoc { type: 'indentIfBreak'; groupId: symbol; contents: Doc }
/** A marker prettier-plugin-solidity puts on member-access chains; transparent when printing. */
export interface LabelDoc { type: 'label'; label: symbol; contents: Doc }

export const line: LineDoc = { type: 'line', soft: false, hard: false };
export const softline: LineDoc = { type: 'line', soft: true, hard: false };
export const hardline: LineDoc = { type: 'line', soft: false, hard: true };

export const group = (contents: Doc, opts: { id?: symbol; shouldBreak?: boolean } = {}): GroupDoc => ({ type: 'group', contents, break: opts.shouldBreak ?? false, id: opts.id });
export const indent = (contents: Doc): IndentDoc => ({ type: 'indent', by: 1, contents });
export const dedent = (contents: Doc): IndentDoc => ({ type: 'indent', by: -1, contents });
export const indentIfBreak = (contents: Doc, groupId: symbol): IndentIfBreakDoc => ({ type: 'indentIfBreak', groupId, contents });
export const label = (name: symbol, contents: Doc): LabelDoc => ({ type: 'label', label: name, contents });
export const isLabel = (doc: Doc, name: symbol): doc is LabelDoc => typeof doc === 'object' && !Array.isArray(doc) && doc.type === 'label' && doc.label === name;

export function join(separator: Doc, docs: Doc[]): Doc[] {
  return docs.flatMap((d, i) => (i === 0 ? [d] : [separator, d]));
}

/**
 * Columns a string takes in prettier's measure: East Asian wide and fullwidth characters and
 * emoji count two, control characters and combining marks zero.
 */
export function textWidth(text: string): number {
  if (!/[^\x20-\x7f]/.test(text)) return text.length;
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || /[\p{Mn}\p{Me}]/u.test(ch)) continue;
    width += WIDE.test(ch) ? 2 : 1;
  }
  return width;
}
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

const BREAK = 1;
const FLAT = 2;
type Mode = typeof BREAK | typeof FLAT;
interface Command { ind: number; mode: Mode; doc: Doc }

/** Marks every group that holds a hard line as broken, as prettier's propagateBreaks does. */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return doc.map(propagateBreaks).some(Boolean);
  switch (doc.type) {
    case 'line':
      return doc.hard;
    case 'group': {
      const inner = propagateBreaks(doc.contents);
      if (inner) doc.break = true;
      return doc.break;
    }
    default:
      return propagateBreaks(doc.contents);
  }
}

function fits(next: Command, rest: Command[], width: number): boolean {
  let restIndex = rest.length;
  const cmds: Command[] = [next];
  let pendingSpace = false;
  while (width >= 0) {
    if (cmds.length === 0) {
      if (restIndex === 0) return true;
      cmds.push(rest[--restIndex]);
      continue;
    }
    const { mode, doc, ind } = cmds.pop()!;
    if (typeof doc === 'string') {
      if (doc) {
        if (pendingSpace) width -= 1;
        pendingSpace = false;
        width -= textWidth(doc);
      }
    } else if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push({ ind, mode, doc: doc[i] });
    } else if (doc.type === 'group') {
      cmds.push({ ind, mode: doc.break ? BREAK : mode, doc: doc.contents });
    } else if (doc.type === 'line') {
      if (mode === BREAK || doc.hard) return true;
      if (!doc.soft) pendingSpace = true;
    } else {
      cmds.push({ ind, mode, doc: doc.contents }); // indent, label, indent-if-break: contents as they are
    }
  }
  return false;
}

/** Lays `doc` out in `width` columns, starting at indentation `level` (each level `unit`). */
export function renderDoc(doc: Doc, { width = 80, unit = '    ', level = 0 } = {}): string {
  propagateBreaks(doc);
  const groupModes = new Map<symbol, Mode>();
  const lines: string[] = [];
  let out = unit.repeat(level); // the line being written
  let pos = out.length;
  let remeasure = false;
  const cmds: Command[] = [{ ind: level, mode: BREAK, doc }];
  while (cmds.length > 0) {
    const { ind, mode, doc: d } = cmds.pop()!;
    if (typeof d === 'string') {
      out += d;
      pos += textWidth(d);
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) cmds.push({ ind, mode, doc: d[i] });
      continue;
    }
    switch (d.type) {
      case 'indent':
        cmds.push({ ind: ind + d.by, mode, doc: d.contents });
        break;
      case 'label':
        cmds.push({ ind, mode, doc: d.contents });
        break;
      case 'group': {
        let next: Command;
        if (mode === FLAT && !remeasure) next = { ind, mode: d.break ? BREAK : FLAT, doc: d.contents };
        else {
          remeasure = false;
          const flat: Command = { ind, mode: FLAT, doc: d.contents };
          next = !d.break && fits(flat, cmds, width - pos) ? flat : { ind, mode: BREAK, doc: d.contents };
        }
        cmds.push(next);
        if (d.id) groupModes.set(d.id, next.mode);
        break;
      }
      case 'indentIfBreak': {
        const groupMode = groupModes.get(d.groupId);
        if (groupMode === BREAK) cmds.push({ ind: ind + 1, mode, doc: d.contents });
        if (groupMode === FLAT) cmds.push({ ind, mode, doc: d.contents });
        break;
      }
      case 'line':
        if (mode === FLAT && !d.hard) {
          if (!d.soft) {
            out += ' ';
            pos += 1;
          }
          break;
        }
        if (mode === FLAT) remeasure = true;
        lines.push(out.replace(/[ \t]+$/, ''));
        out = unit.repeat(ind);
        pos = ind * unit.length;
        break;
    }
  }
  lines.push(out.replace(/[ \t]+$/, ''));
  return lines.join('\n');
}
