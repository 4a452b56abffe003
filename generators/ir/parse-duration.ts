/**
 * ISO 8601 durations for timer events (`timeDuration`), turned into whole seconds because the
 * contract counts time in block.timestamp seconds. Only units of a fixed length are accepted:
 * weeks, days, hours, minutes, seconds (`P2W`, `P1DT2H`, `PT48H`, `PT30M`, `PT0S`). Years and
 * months have no fixed length in seconds, and fractions would round differently on and off chain,
 * so both are refused with a message that says why and what to write instead.
 */
export type DurationResult = { ok: true; seconds: number } | { ok: false; message: string };

/** The longest timer: keeps block.timestamp + duration far inside the uint64 the contract stores. */
export const MAX_DURATION_SECONDS = 2 ** 32 - 1;

const UNIT_SECONDS = { W: 604_800, D: 86_400, H: 3_600, M: 60, S: 1 } as const;
const SHAPE = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseDuration(text: string): DurationResult {
  const t = text.trim();
  const fail = (why: string): DurationResult => ({ ok: false, message: `duration "${t}" ${why}` });
  if (t === '') return fail('is empty; write an ISO 8601 duration such as PT48H or P2D');
  if (!t.startsWith('P')) return fail('must start with "P" (ISO 8601), e.g. PT48H for 48 hours or P2D for 2 days');
  if (/[.,]/.test(t)) return fail('has a fraction; use whole numbers of a smaller unit (PT90M instead of PT1.5H)');
  const date = t.split('T')[0];
  if (/\d+Y/.test(date)) return fail('uses years, which have no fixed length in seconds; write days (P365D)');
  if (/\d+M/.test(date)) return fail('uses months (M before T), which have no fixed length in seconds; write days (P30D), or PT…M for minutes');
  const m = SHAPE.exec(t);
  if (!m) return fail('is not an ISO 8601 duration: expected P[nW][nD][T[nH][nM][nS]] with whole numbers, e.g. P1DT2H or PT30M');
  if (m.slice(1).every((x) => x === undefined)) return fail('has no amount; e.g. PT0S for no delay');
  if (t.endsWith('T')) return fail('has a "T" with no hours, minutes or seconds after it');
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  const seconds = w * UNIT_SECONDS.W + d * UNIT_SECONDS.D + h * UNIT_SECONDS.H + min * UNIT_SECONDS.M + s * UNIT_SECONDS.S;
  if (!Number.isSafeInteger(seconds) || seconds > MAX_DURATION_SECONDS) return fail(`is too long: at most ${MAX_DURATION_SECONDS} seconds (about 136 years)`);
  return { ok: true, seconds };
}
