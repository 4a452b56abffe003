/**
 * The ledger benchmark's workload, shared by Node and the browser page (no Node imports): the
 * generated Order fulfilment contracts, and a sequence of task transactions on them that
 * alternates "start an order" (the buyer) and "Confirm order" on it (sales), each one a
 * state-changing call of the generated process contract.
 */
import { Interface, type Wallet } from 'ethers';
import type { AppManifest, DeploymentRecord } from '../generators/index.js';
import { formArguments } from '../src/chain/field-values.js';

export const BENCH_CHAIN_ID = 1337;
export const PROCESS_ID = 'order-fulfilment';
/** Enough for either call with room to spare; unused gas costs nothing at a zero base fee. */
export const TASK_GAS_LIMIT = 400_000;
const BUYER = 'wang-fang';
const SALES = 'zhang-wei';

/** The same deterministic key per participant as src/cli/dev-keys.ts, from its private key. */
export interface BenchWallets {
  buyer: Wallet;
  sales: Wallet;
  deployer: Wallet;
}

export function benchParticipants(): string[] {
  return [BUYER, SALES];
}

export interface TaskCall {
  from: 'buyer' | 'sales';
  to: string;
  data: string;
}

/** `count` calls: start #1, confirm #1, start #2, confirm #2, ... (instances numbered from `firstInstance`). */
export function taskCalls(manifest: AppManifest, deployment: DeploymentRecord, count: number, firstInstance = 1): TaskCall[] {
  const process = manifest.processes.find((p) => p.id === PROCESS_ID);
  if (!process) throw new Error(`the workspace has no process ${PROCESS_ID}`);
  const to = deployment.processes[PROCESS_ID].address;
  const iface = new Interface(process.abi as never);
  const confirm = process.tasks.find((t) => t.name === 'Confirm order');
  if (!confirm) throw new Error('the process has no task "Confirm order"');
  const start = iface.encodeFunctionData('startInstance', formArguments(process.start.fields, { item: '齿轮箱壳体 gearbox housing', quantity: 120 }));
  const calls: TaskCall[] = [];
  for (let i = 0; i < count; i++) {
    const instance = BigInt(firstInstance + Math.floor(i / 2));
    calls.push(
      i % 2 === 0
        ? { from: 'buyer', to, data: start }
        : {
            from: 'sales',
            to,
            data: iface.encodeFunctionData(confirm.functionName, [instance, ...formArguments(confirm.fields, { unitPrice: 45000 }), 1]),
          },
    );
  }
  return calls;
}

/** The number the next started instance will get (instanceCount() + 1). */
export async function nextInstance(provider: RawProvider, manifest: AppManifest, deployment: DeploymentRecord): Promise<number> {
  const process = manifest.processes.find((p) => p.id === PROCESS_ID)!;
  const iface = new Interface(process.abi as never);
  const to = deployment.processes[PROCESS_ID].address;
  const out = await provider.request({ method: 'eth_call', params: [{ to, data: iface.encodeFunctionData('instanceCount', []) }, 'latest'] });
  return Number(iface.decodeFunctionResult('instanceCount', out as string)[0]) + 1;
}

export interface RawProvider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

export interface FullPathResult {
  count: number;
  ms: number;
  gas: bigint;
  /** The signed transactions, in order, for the bare-EVM run. */
  raws: string[];
}

/**
 * The full path, one transaction at a time: sign, eth_sendRawTransaction (mined at once),
 * eth_getTransactionReceipt. Nonces are counted locally as a wallet would after the first read.
 * @throws Error when a transaction fails (status 0): the benchmark must measure successful tasks.
 */
export async function runFullPath(provider: RawProvider, wallets: BenchWallets, calls: TaskCall[]): Promise<FullPathResult> {
  const nonces = new Map<string, number>();
  for (const wallet of [wallets.buyer, wallets.sales]) {
    nonces.set(wallet.address, Number(await provider.request({ method: 'eth_getTransactionCount', params: [wallet.address, 'latest'] })));
  }
  const raws: string[] = [];
  let gas = 0n;
  const started = performance.now();
  for (const call of calls) {
    const wallet = wallets[call.from];
    const nonce = nonces.get(wallet.address)!;
    nonces.set(wallet.address, nonce + 1);
    const raw = await wallet.signTransaction({ to: call.to, data: call.data, nonce, gasLimit: TASK_GAS_LIMIT, gasPrice: 0, chainId: BENCH_CHAIN_ID });
    const hash = await provider.request({ method: 'eth_sendRawTransaction', params: [raw] });
    const receipt = (await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as { status: string; gasUsed: string };
    if (receipt.status !== '0x1') {
      // Ask again as a call at the parent block, for the revert data.
      const why = await provider
        .request({ method: 'eth_call', params: [{ from: wallet.address, to: call.to, data: call.data }, 'latest'] })
        .then(() => 'no revert at the head', (error: { message?: string; data?: unknown }) => `${error.message} ${JSON.stringify(error.data)}`);
      throw new Error(`task transaction ${raws.length} failed (${call.from}): ${why}`);
    }
    gas += BigInt(receipt.gasUsed);
    raws.push(raw);
  }
  return { count: calls.length, ms: performance.now() - started, gas, raws };
}

/** The raw transactions of blocks 1..head, read back through the ledger's own export. */
export async function exportedRaws(provider: RawProvider): Promise<string[]> {
  const text = (await provider.request({ method: 'ledger_exportChain' })) as string;
  return text
    .trimEnd()
    .split('\n')
    .slice(1, -2)
    .flatMap((line) => (JSON.parse(line) as { transactions: string[] }).transactions);
}

/**
 * The full path as the IDE takes it once the participants' keys are unlocked in the ledger
 * (ledger_unlockAccount, before the clock starts): eth_sendTransaction (the ledger signs, mines
 * at once), eth_getTransactionReceipt. The raws, read back from the chain afterwards, are the
 * bytes ethers would have signed (RFC 6979), for the bare-EVM run.
 * @throws Error when a transaction fails (status 0).
 */
export async function runFullPathLedgerSigned(provider: RawProvider, wallets: BenchWallets, calls: TaskCall[]): Promise<FullPathResult> {
  for (const wallet of [wallets.buyer, wallets.sales]) {
    await provider.request({ method: 'ledger_unlockAccount', params: [wallet.privateKey] });
  }
  let gas = 0n;
  const gasLimit = `0x${TASK_GAS_LIMIT.toString(16)}`;
  const started = performance.now();
  for (const [i, call] of calls.entries()) {
    const from = wallets[call.from].address;
    const hash = await provider.request({ method: 'eth_sendTransaction', params: [{ from, to: call.to, data: call.data, gas: gasLimit, gasPrice: '0x0' }] });
    const receipt = (await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as { status: string; gasUsed: string };
    if (receipt.status !== '0x1') throw new Error(`task transaction ${i} failed (${call.from}, signed by the ledger)`);
    gas += BigInt(receipt.gasUsed);
  }
  const ms = performance.now() - started;
  await provider.request({ method: 'ledger_lockAccount', params: [] });
  return { count: calls.length, ms, gas, raws: (await exportedRaws(provider)).slice(-calls.length) };
}

/**
 * The calls signed beforehand, in order, nonces counted from `firstNonces` (address -> next
 * nonce; 0 when absent): the transactions of a bench that times execution without signing.
 */
export async function signCalls(wallets: BenchWallets, calls: TaskCall[], firstNonces = new Map<string, number>()): Promise<string[]> {
  const nonces = new Map(firstNonces);
  const raws: string[] = [];
  for (const call of calls) {
    const wallet = wallets[call.from];
    const nonce = nonces.get(wallet.address) ?? 0;
    nonces.set(wallet.address, nonce + 1);
    raws.push(await wallet.signTransaction({ to: call.to, data: call.data, nonce, gasLimit: TASK_GAS_LIMIT, gasPrice: 0, chainId: BENCH_CHAIN_ID }));
  }
  return raws;
}
