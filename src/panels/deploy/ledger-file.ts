/**
 * Pure helpers of the ledger tools: the export's file name, a first look at a chosen file (for
 * the confirmation, before the ledger checks it for real), byte sizes, and what an import or a
 * revert will cost, as i18n keys with their values. No React, no ledger: tested in Node.
 */

/** What the export's header line says; enough to name the file and to describe an import. */
export interface ExportPreview {
  chainId: number;
  /** Head block number (the header counts blocks including genesis). */
  headNumber: number;
}

/** `chainflow-ledger-chain1337-block42.ndjson`: the chain and its height, so exports sort and do not collide. */
export function exportFileName(preview: ExportPreview): string {
  return `chainflow-ledger-chain${preview.chainId}-block${preview.headNumber}.ndjson`;
}

/**
 * Reads the header line of an export. A file that is not one is refused here with the reason;
 * a file that passes is still checked fully (checksum, re-execution) by the ledger on import.
 */
export function previewExport(text: string): { ok: true; preview: ExportPreview } | { ok: false; reason: string } {
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  let header: unknown;
  try {
    header = JSON.parse(firstLine);
  } catch {
    return { ok: false, reason: 'not-export' };
  }
  const h = header as {
    kind?: unknown;
    chainId?: unknown;
    blocks?: unknown;
  } | null;
  if (typeof h !== 'object' || h === null || h.kind !== 'chainflow-ledger-export') return { ok: false, reason: 'not-export' };
  if (typeof h.chainId !== 'number' || typeof h.blocks !== 'number' || !Number.isInteger(h.blocks) || h.blocks < 1) {
    return { ok: false, reason: 'bad-header' };
  }
  return {
    ok: true,
    preview: { chainId: h.chainId, headNumber: h.blocks - 1 },
  };
}

/** The engine's import errors start with "ledger import: "; the UI says that part in its own words. */
export function importReason(error: string): string {
  return error.replace(/^ledger import:\s*/, '');
}

/** 3.2 MB, 1.1 GB: decimal units, one decimal from kB up, in the user's number format. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${units[unit]}`;
}

export interface Phrase {
  key: string;
  values: Record<string, string | number>;
}

/** What importing replaces: the current blocks (and snapshots), said before anything is lost. */
export function importConfirmation(current: { headNumber: number; snapshots: number }, incoming: ExportPreview): Phrase[] {
  const phrases: Phrase[] = [
    current.headNumber > 0
      ? {
          key: 'ledgerTools.importLoses',
          values: {
            current: current.headNumber,
            incoming: incoming.headNumber,
          },
        }
      : {
          key: 'ledgerTools.importEmpty',
          values: { incoming: incoming.headNumber },
        },
  ];
  if (current.snapshots > 0)
    phrases.push({
      key: 'ledgerTools.importDropsSnapshots',
      values: { count: current.snapshots },
    });
  return phrases;
}

/** What reverting deletes: the blocks after the snapshot, and the later snapshots. */
export function revertConfirmation(snapshot: { name: string; blockNumber: number }, headNumber: number, laterSnapshots: number): Phrase[] {
  const phrases: Phrase[] = [
    headNumber > snapshot.blockNumber
      ? {
          key: 'ledgerTools.revertLoses',
          values: {
            name: snapshot.name,
            block: snapshot.blockNumber,
            from: snapshot.blockNumber + 1,
            to: headNumber,
          },
        }
      : {
          key: 'ledgerTools.revertNothing',
          values: { name: snapshot.name, block: snapshot.blockNumber },
        },
  ];
  if (laterSnapshots > 0)
    phrases.push({
      key: 'ledgerTools.revertDropsSnapshots',
      values: { count: laterSnapshots },
    });
  return phrases;
}

/** Seconds typed by the user as the mining interval: a whole number from 1 to 86,400, else undefined. */
export function parseIntervalSeconds(input: string): number | undefined {
  const trimmed = input.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const seconds = Number(trimmed);
  return seconds >= 1 && seconds <= 86_400 ? seconds : undefined;
}
