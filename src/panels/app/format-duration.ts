/**
 * Durations as people read them, in the UI's language: the two largest units ("2 d 5 h",
 * "3 min 20 s"; "2天5小时" in Chinese) by Intl's unit formatting. Pure.
 */
const UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

export function formatDuration(seconds: number, locale: string): string {
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0 || (unit === 'second' && parts.length === 0)) {
      parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }).format(n));
      rest -= n * size;
    }
    if (parts.length === 2) break;
    // "2 d 0 h" says nothing more than "2 d": stop at the first empty unit after a filled one
    if (parts.length === 1 && n === 0) break;
  }
  return parts.join(' ');
}
