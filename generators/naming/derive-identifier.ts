/**
 * Derives Solidity identifiers from what modelers type: any language, any punctuation.
 * Chinese is transliterated to toneless pinyin ("发货" -> faHuo) so Chinese teams get readable
 * code; anything else that is not [A-Za-z0-9] separates words. Results are stable: the same
 * name always gives the same identifier, and collisions are settled by element id order, not by
 * the order elements happen to appear in the file.
 */
import { pinyin } from 'pinyin-pro';
import { isReservedWord } from './solidity-reserved.js';

export type IdentifierCase = 'camel' | 'pascal' | 'upperSnake';

const HAN = /\p{Script=Han}/u;

/** Splits a display name into ASCII words, transliterating Han characters one syllable per word. */
export function nameToWords(name: string): string[] {
  const words: string[] = [];
  let ascii = '';
  const flush = () => {
    // split camelCase and digits-letters boundaries inside ASCII runs
    for (const part of ascii.split(/[^A-Za-z0-9]+/)) {
      if (!part) continue;
      words.push(...part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/));
    }
    ascii = '';
  };
  // compatibility forms folded (fullwidth Ａ -> A) and accents dropped (Ü -> U) so Latin names keep their letters
  for (const ch of name.normalize('NFKD').replace(/\p{M}/gu, '')) {
    if (HAN.test(ch)) {
      flush();
      words.push(...pinyin(ch, { toneType: 'none', type: 'array' }).map((s) => s.replace(/[^a-z]/gi, '')).filter(Boolean));
    } else {
      ascii += /[A-Za-z0-9]/.test(ch) ? ch : ' ';
    }
  }
  flush();
  return words;
}

export function joinWords(words: string[], style: IdentifierCase): string {
  if (style === 'upperSnake') return words.map((w) => w.toUpperCase()).join('_');
  return words
    .map((w, i) => {
      const lower = w.toLowerCase();
      return i === 0 && style === 'camel' ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}

/**
 * A safe identifier for `name`, falling back to `fallback` (e.g. the BPMN element id) when the
 * name gives no usable word. Never a keyword, never starting with a digit, never empty.
 */
export function deriveIdentifier(name: string | undefined, fallback: string, style: IdentifierCase): string {
  let words = nameToWords(name ?? '');
  if (words.length === 0) words = nameToWords(fallback);
  if (words.length === 0) words = ['x'];
  let id = joinWords(words, style);
  if (/^[0-9]/.test(id)) id = (style === 'camel' ? 'n' : 'N') + id;
  if (isReservedWord(id)) id += '_';
  return id;
}

/**
 * Hands out unique identifiers within one scope (a contract's functions, events and so on).
 * Call `claim` for every element in a stable order (sorted by element id) before using them.
 */
export class IdentifierScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  claim(base: string): string {
    let candidate = base;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
