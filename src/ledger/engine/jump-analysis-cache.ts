/**
 * ethereumjs's interpreter analyses a contract's code (valid JUMPDESTs, PUSH values, the opcode of
 * every byte) on every call that jumps: ~0.1-0.25 ms for a generated process contract, 4-6% of a
 * task transaction's CPU in the CPU profile (bench/ledger-profile.ts). The analysis is a pure
 * function of the code and the EVM's opcode table, and the interpreter only reads what it
 * returns, so it is kept here per opcode table and code and handed out again.
 *
 * The interpreter class is not exported by @ethereumjs/evm (10.1.3), so its prototype is reached
 * once through a throw-away EVM's run result (`runState.interpreter`) and its
 * `_getValidJumpDestinations` wrapped. If that shape changes in another version, nothing is
 * wrapped and the EVM runs as it came (cacheInfo() says so); results are the same either way
 * (block-assembly.test.ts, verify-chain.test.ts and jump-analysis-cache.test.ts compare them).
 */
import { createEVM } from '@ethereumjs/evm';
import { bytesToHex } from '@ethereumjs/util';
import { ledgerKeccak256 } from './keccak.js';

type Analysis = { jumps: Uint8Array; pushes: Record<number, bigint>; opcodesCached: unknown[] };
type Analyse = (this: InterpreterLike, code: Uint8Array) => Analysis;
interface InterpreterLike {
  _evm: { _opcodeMap: object };
}

/** Codes kept per opcode table; beyond that the table's cache starts again (contracts are few). */
const MAX_CODES = 256;

const byTable = new WeakMap<object, { byObject: WeakMap<Uint8Array, Analysis>; byHash: Map<string, Analysis> }>();
let installing: Promise<boolean> | undefined;
let enabled = true;
let hits = 0;
let misses = 0;

/** Wraps the interpreter's analysis once per process; resolves false when it could not. */
export function installJumpAnalysisCache(): Promise<boolean> {
  installing ??= (async () => {
    const evm = await createEVM();
    const result = await evm.runCode({ code: Uint8Array.of(0x00), gasLimit: 100n });
    const interpreter = (result.runState as { interpreter?: object } | undefined)?.interpreter;
    const proto = interpreter === undefined ? undefined : (Object.getPrototypeOf(interpreter) as { _getValidJumpDestinations?: Analyse });
    const original = proto?._getValidJumpDestinations;
    if (proto === undefined || typeof original !== 'function') return false;
    proto._getValidJumpDestinations = function cachedAnalysis(this: InterpreterLike, code: Uint8Array): Analysis {
      return enabled ? analysisOf(this, code, original) : original.call(this, code);
    };
    return true;
  })().catch(() => false);
  return installing;
}

function analysisOf(interpreter: InterpreterLike, code: Uint8Array, analyse: Analyse): Analysis {
  const table = interpreter._evm?._opcodeMap;
  if (typeof table !== 'object' || table === null) return analyse.call(interpreter, code);
  let cache = byTable.get(table);
  if (cache === undefined) byTable.set(table, (cache = { byObject: new WeakMap(), byHash: new Map() }));
  const same = cache.byObject.get(code);
  if (same !== undefined) {
    hits++;
    return same;
  }
  // The same code often arrives as another array (read again from the trie): key by its hash too.
  const key = `${code.length}:${bytesToHex(ledgerKeccak256(code))}`;
  let analysis = cache.byHash.get(key);
  if (analysis === undefined) {
    misses++;
    analysis = analyse.call(interpreter, code);
    if (cache.byHash.size >= MAX_CODES) cache.byHash.clear();
    cache.byHash.set(key, analysis);
  } else {
    hits++;
  }
  cache.byObject.set(code, analysis);
  return analysis;
}

/** For tests and benchmarks: off = every call analyses the code again, as ethereumjs does. */
export function useJumpAnalysisCache(on: boolean): void {
  enabled = on;
}

/** For tests and benchmarks: analyses served from the cache and computed. */
export function jumpAnalysisStats(): { hits: number; misses: number } {
  return { hits, misses };
}
