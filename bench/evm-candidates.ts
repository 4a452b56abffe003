/**
 * The candidates of bench/evm-alternatives.ts: how each one runs the workload, how its result is
 * checked against the ledger (@ethereumjs/vm, the reference), and what is known of it (license,
 * size, upkeep). Registry facts were read with `npm view` and installs in a scratch folder; none
 * of these packages is added to the repo by the bench.
 */
import { createInProcessProvider } from '../src/ledger/client/in-process-provider.js';
import { createLedgerEngine } from '../src/ledger/engine/create-ledger-engine.js';
import { createBareEvm } from './bare-evm.js';
import { createEdrChain, runOnEdr } from './evm-edr.js';
import { BENCH_CHAIN_ID, type BenchWallets } from './ledger-workload.js';

export interface Workload {
  alloc: Record<string, bigint>;
  wallets: BenchWallets;
  /** The deployment's signed transactions (untimed) and the task transactions (timed). */
  setup: string[];
  timed: string[];
  /** Accounts whose state is compared where a whole state root cannot be (EDR). */
  accounts: string[];
}

export interface Run {
  gasPerTx: bigint[];
  /** The state root after the run, when comparable with the ledger's. */
  stateRoot?: string;
  /** Accounts' states (eth_getProof fields), when the root is not comparable. */
  accounts?: unknown[];
}

export interface Candidate {
  id: string;
  what: string;
  browser: boolean;
  /** Whether its rate includes blocks with state, transactions and receipts roots (as the ledger mines). */
  blocks: boolean;
  facts: { license: string; size: string; maintenance: string };
  /** Prepares a fresh chain with `setup` run, then returns the timed part. */
  prepare(workload: Workload): Promise<() => Promise<Run>>;
}

const ETHEREUMJS_FACTS = {
  license: 'MPL-2.0',
  size: 'the whole ledger worker, ethereumjs included: 502 kB minified, 144 kB gzip (+ 1.2 MB secp256k1 .wasm)',
  maintenance: '@ethereumjs/* 10.1.3, the ethereumjs monorepo (active; what the ledger runs)',
};

const bare = (direct: boolean): Candidate['prepare'] => async (workload) => {
  const evm = await createBareEvm(BENCH_CHAIN_ID, workload.alloc, workload.setup, { direct });
  return async () => {
    const result = await evm.run(workload.timed);
    return { gasPerTx: result.gasPerTx, stateRoot: await evm.stateRoot(), accounts: await Promise.all(workload.accounts.map((a) => evm.account(a))) };
  };
};

const RUNNABLE: Candidate[] = [
  {
    id: 'ledger-engine',
    what: 'the ledger engine in-process: eth_sendRawTransaction + receipt, one block per transaction with its roots, memory store',
    browser: true,
    blocks: true,
    facts: ETHEREUMJS_FACTS,
    async prepare(workload) {
      const engine = await createLedgerEngine({ chainId: BENCH_CHAIN_ID, alloc: workload.alloc });
      const provider = createInProcessProvider(engine);
      const send = async (raws: string[]) => {
        const gas: bigint[] = [];
        for (const raw of raws) {
          const hash = await provider.request({ method: 'eth_sendRawTransaction', params: [raw] });
          gas.push(BigInt(((await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as { gasUsed: string }).gasUsed));
        }
        return gas;
      };
      await send(workload.setup);
      return async () => {
        const gasPerTx = await send(workload.timed);
        const head = (await provider.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as { stateRoot: string };
        return { gasPerTx, stateRoot: head.stateRoot };
      };
    },
  },
  {
    id: 'ethereumjs-vm-runTx',
    what: "@ethereumjs/vm's runTx on a Merkle state (the bench's bare EVM): no blocks, roots or RPC",
    browser: true,
    blocks: false,
    facts: ETHEREUMJS_FACTS,
    prepare: bare(false),
  },
  {
    id: 'ethereumjs-evm-direct',
    what: "@ethereumjs/evm's runCall in a lean transaction frame (bench/evm-direct.ts) instead of runTx: same interpreter, same state",
    browser: true,
    blocks: false,
    facts: ETHEREUMJS_FACTS,
    prepare: bare(true),
  },
];

const EDR: Candidate = {
  id: 'edr-revm-native',
  what: "EDR (Rust, revm) through Hardhat 2's in-process provider, automine: one block per transaction with its roots",
  browser: false,
  blocks: true,
  facts: {
    license: 'MIT',
    size: 'a native N-API addon per platform: 38 MB for linux-x64-gnu; no WebAssembly build',
    maintenance: '@nomicfoundation/edr (Nomic Foundation, the runtime of Hardhat): 0.22.0 latest on the registry, 0.12.0-next.23 here through hardhat 2.29.1',
  },
  async prepare(workload) {
    const { buyer, sales, deployer } = workload.wallets;
    const chain = await createEdrChain(BENCH_CHAIN_ID, [buyer, sales, deployer].map((w) => ({ privateKey: w.privateKey, wei: workload.alloc[w.address] })));
    await runOnEdr(chain, workload.setup);
    return async () => {
      const gasPerTx = await runOnEdr(chain, workload.timed);
      // EDR's cancun genesis holds the EIP-4788 beacon-roots contract (the ledger's has none), so
      // whole state roots differ by design: the accounts the workload touches are compared instead.
      const accounts = await Promise.all(
        workload.accounts.map(async (address) => {
          const proof = (await chain.request({ method: 'eth_getProof', params: [address, [], 'latest'] })) as Record<string, string>;
          return { nonce: proof.nonce, balance: proof.balance, codeHash: proof.codeHash, storageHash: proof.storageHash };
        }),
      );
      return { gasPerTx, accounts };
    };
  },
};

/** Known EVMs that cannot run the workload here, and why (searched in the registry's package list and with npm view). */
export const CANDIDATES_NOT_RUNNABLE = [
  { id: 'revm / evmone as WebAssembly', reason: 'no such package on the npm registry (the only revm build there is EDR, native)' },
  { id: '@tevm/vm, @tevm/evm (2.0.0-next)', reason: 'wrappers of @ethereumjs/vm 8 and @ethereumjs/evm 3: the same interpreter, older' },
  { id: '@tevm/voltaire 0.2.27 (evm)', reason: 'opcode handlers and a frame only, no interpreter loop, CALL/CREATE not implemented ("use guillotine"); MIT, 95 MB installed' },
  { id: 'guillotine-mini (Zig -> WASM)', reason: 'not published on the npm registry (@tevm/guillotine-mini: 404)' },
  { id: '@connext/pure-evm-wasm 0.1.4', reason: 'exec(code, data) only: no accounts, no storage that outlives a call, pre-cancun; "Proprietary"' },
];

/** The runnable candidates, EDR only when Hardhat (a dev dependency) is installed. */
export async function availableCandidates(): Promise<{ candidates: Candidate[]; skipped: { id: string; reason: string }[] }> {
  try {
    await import('hardhat/internal/hardhat-network/provider/provider.js');
    return { candidates: [...RUNNABLE, EDR], skipped: [] };
  } catch (error) {
    return { candidates: RUNNABLE, skipped: [{ id: EDR.id, reason: `needs hardhat 2 (npm install, dev dependencies): ${(error as Error).message}` }] };
  }
}


/** Times one candidate on a fresh chain and checks its gas and state against the ledger engine's. */
export async function measureCandidate(candidate: Candidate, workload: Workload) {
  const ref = await referenceRun(workload);
  const timed = await candidate.prepare(workload);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const run = await timed();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const sameGas = run.gasPerTx.length === ref.gasPerTx.length && run.gasPerTx.every((gas, i) => gas === ref.gasPerTx[i]);
  const sameState = run.stateRoot !== undefined ? run.stateRoot === ref.stateRoot : JSON.stringify(run.accounts) === JSON.stringify(ref.accounts);
  const check = `${sameGas ? 'same gas' : 'GAS DIFFERS'}, ${sameState ? 'same state' : 'STATE DIFFERS'} (${run.stateRoot !== undefined ? 'state root' : `${workload.accounts.length} accounts`})`;
  return { ms, cpuMs: (used.user + used.system) / 1000, sameGas, sameState, check };
}

/**
 * What every candidate must reproduce: the ledger engine's gas per transaction and head state
 * root, and (for EDR) the touched accounts' states, read from a runTx run.
 */
export function referenceRun(workload: Workload): Promise<Run> {
  let run = references.get(workload);
  if (run === undefined) references.set(workload, (run = computeReference(workload)));
  return run;
}
const references = new WeakMap<Workload, Promise<Run>>();

async function computeReference(workload: Workload): Promise<Run> {
  const engine = await (await RUNNABLE[0].prepare(workload))();
  const runTx = await (await RUNNABLE[1].prepare(workload))();
  return { gasPerTx: engine.gasPerTx, stateRoot: engine.stateRoot, accounts: runTx.accounts };
}
