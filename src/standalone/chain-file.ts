/**
 * What the exported app needs to know of a ledger chain file (the bundled ledger's export,
 * src/ledger/engine/chain-export.ts) before handing it to the ledger: its genesis settings (the
 * ledger copy is opened with them), how many blocks, the head and the checksum line. Reads the
 * first and last lines only; the ledger itself checks the checksum and re-executes every block on
 * import. Pure and free of ledger code, so the app's start-up chunk stays small.
 */

export const CHAIN_FILE_KIND = 'chainflow-ledger-export';

export interface ChainFileInfo {
  chainId: number;
  blockGasLimit: bigint;
  alloc: Record<string, bigint>;
  /** Blocks including genesis. */
  blocks: number;
  head: string;
  sha256: string;
  /** The header line itself: remembered to reopen the same chain without the file. */
  headerLine: string;
}

export type ChainFileResult = { ok: true; info: ChainFileInfo } | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The genesis settings of a header line (also a remembered one). */
export function parseChainHeader(line: string): { ok: true; info: Omit<ChainFileInfo, 'sha256'> } | { ok: false; problem: string } {
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'its first line is not JSON: not a ChainFlow ledger export' };
  }
  if (!isObject(header) || header.kind !== CHAIN_FILE_KIND) return { ok: false, problem: 'not a ChainFlow ledger export (its first line has no "kind": "chainflow-ledger-export")' };
  if (!Number.isSafeInteger(header.chainId)) return { ok: false, problem: 'its header has no chain id' };
  if (typeof header.blockGasLimit !== 'string' || typeof header.head !== 'string' || !Number.isSafeInteger(header.blocks))
    return { ok: false, problem: 'its header misses blockGasLimit, blocks or head' };
  const alloc: Record<string, bigint> = {};
  try {
    for (const [address, wei] of Object.entries(isObject(header.alloc) ? header.alloc : {})) alloc[address] = BigInt(String(wei));
    return {
      ok: true,
      info: { chainId: header.chainId as number, blockGasLimit: BigInt(header.blockGasLimit), alloc, blocks: header.blocks as number, head: header.head, headerLine: line },
    };
  } catch {
    return { ok: false, problem: 'its header holds a balance or gas limit that is not a number' };
  }
}

/** The header and checksum of a chain file's text; problems in words. */
export function parseChainFile(text: string): ChainFileResult {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 3) return { ok: false, problem: 'too short to be a ChainFlow ledger export (header, pending edits and checksum lines expected)' };
  const header = parseChainHeader(lines[0]);
  if (!header.ok) return header;
  let trailer: unknown;
  try {
    trailer = JSON.parse(lines[lines.length - 1]);
  } catch {
    return { ok: false, problem: 'its last line is not JSON: the checksum line is missing (the file may be cut short)' };
  }
  if (!isObject(trailer) || typeof trailer.sha256 !== 'string') return { ok: false, problem: 'its last line holds no sha256 checksum (the file may be cut short)' };
  return { ok: true, info: { ...header.info, sha256: trailer.sha256 } };
}

/** Same genesis (what the ledger compares): chain id, gas limit and balances. */
export function sameGenesis(a: Pick<ChainFileInfo, 'chainId' | 'blockGasLimit' | 'alloc'>, b: Pick<ChainFileInfo, 'chainId' | 'blockGasLimit' | 'alloc'>): boolean {
  const norm = (alloc: Record<string, bigint>) =>
    JSON.stringify(Object.entries(alloc).map(([k, v]) => [k.toLowerCase(), v.toString()]).sort(([x], [y]) => (x < y ? -1 : 1)));
  return a.chainId === b.chainId && a.blockGasLimit === b.blockGasLimit && norm(a.alloc) === norm(b.alloc);
}

/**
 * Whether the file's checksum line matches its content (what the ledger checks again on import):
 * checked before this browser's copy is given up for the file.
 */
export async function checksumMatches(text: string): Promise<boolean> {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  const cut = trimmed.lastIndexOf('\n');
  if (cut < 0) return false;
  let expected: unknown;
  try {
    expected = (JSON.parse(trimmed.slice(cut + 1)) as { sha256?: unknown }).sha256;
  } catch {
    return false;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(trimmed.slice(0, cut + 1))));
  return expected === `0x${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
