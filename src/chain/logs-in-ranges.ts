/**
 * eth_getLogs over a block range that a real node may refuse: Besu answers at most
 * --rpc-max-logs-range blocks (5,000 by default), geth-style nodes and hosted gateways refuse a
 * query that would return more than 10,000 logs or too large a response. The bundled ledger has no
 * such limits, but the app and the audit export read whole histories from any chain, so every
 * history read goes through here: the range is read in windows of at most `maxRange` blocks, and a
 * window the node refuses as too large is halved until it is accepted (a single block it still
 * refuses is a real error). Other errors (network, bad address) are not retried.
 */

export interface LogWindowFilter {
  address: string;
  topics?: (string | null)[];
  fromBlock: number;
  toBlock: number;
}

export interface WindowedLogReader<L> {
  getLogs(filter: LogWindowFilter): Promise<L[]>;
}

/** Besu's default --rpc-max-logs-range. */
export const DEFAULT_MAX_LOG_RANGE = 5_000;

/** Words nodes use when a log query is too large, by range or by result size. */
const LIMIT_WORDS = /range|too many|more than|limit|exceed|too large|response size|query timeout|block span/i;

function errorText(error: unknown): string {
  if (!(error instanceof Object)) return String(error);
  const e = error as { message?: unknown; shortMessage?: unknown; info?: unknown; error?: unknown };
  let nested = '';
  try {
    nested = JSON.stringify(e.info ?? e.error ?? '');
  } catch {
    // a circular info object: the message alone has to do
  }
  return `${String(e.shortMessage ?? '')} ${String(e.message ?? '')} ${nested}`;
}

/** True when the node refused the query for its size, not for what it asked. */
export function isLogLimitError(error: unknown): boolean {
  return LIMIT_WORDS.test(errorText(error));
}

/**
 * Logs matching `filter` in blocks fromBlock..toBlock (both included), in chain order, read in
 * windows the node accepts.
 */
export async function getLogsInRanges<L>(
  reader: WindowedLogReader<L>,
  filter: { address: string; topics?: (string | null)[] },
  fromBlock: number,
  toBlock: number,
  maxRange = DEFAULT_MAX_LOG_RANGE,
): Promise<L[]> {
  const logs: L[] = [];
  const read = async (from: number, to: number): Promise<void> => {
    try {
      logs.push(...(await reader.getLogs({ ...filter, fromBlock: from, toBlock: to })));
    } catch (error) {
      if (from === to || !isLogLimitError(error)) throw error;
      const middle = from + Math.floor((to - from) / 2);
      await read(from, middle);
      await read(middle + 1, to);
    }
  };
  // windows one after another, not in parallel: a node that limits ranges also limits load
  for (let from = fromBlock; from <= toBlock; from += maxRange) await read(from, Math.min(toBlock, from + maxRange - 1));
  return logs;
}
