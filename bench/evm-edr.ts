/**
 * A candidate for the EVM-alternatives bench: EDR, the Nomic Foundation's Rust EVM runtime built
 * on revm, as a native Node addon (@nomicfoundation/edr, which Hardhat 2 brings in as a
 * development dependency of this repo). Driven through Hardhat's in-process EIP-1193 provider with
 * automine, so each transaction is a block of its own, with its state root, as on the ledger.
 * Node only: a .node binary (N-API), no WebAssembly build, so it cannot run in a browser.
 * Resolved at run time; when Hardhat is missing the bench skips it and says why.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface EdrChain {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
  /** Which EDR package version answered. */
  version: string;
}

/** A fresh EDR chain with the ledger's rules: cancun, zero base fee, `chainId`, these funded keys, coinbase 0x0. */
export async function createEdrChain(chainId: number, funded: { privateKey: string; wei: bigint }[]): Promise<EdrChain> {
  const require = createRequire(import.meta.url);
  const { createHardhatNetworkProvider } = require('hardhat/internal/hardhat-network/provider/provider') as {
    createHardhatNetworkProvider(config: object, logger: object): Promise<EdrChain>;
  };
  // EDR's exports hide its package.json: read it beside the entry point.
  const edrEntry = require.resolve('@nomicfoundation/edr', { paths: [dirname(require.resolve('hardhat'))] });
  const version = (JSON.parse(readFileSync(join(dirname(edrEntry), 'package.json'), 'utf8')) as { version: string }).version;
  const provider = await createHardhatNetworkProvider(
    {
      hardfork: 'cancun',
      chainId,
      networkId: chainId,
      blockGasLimit: 30_000_000,
      minGasPrice: 0n,
      automine: true,
      intervalMining: 0,
      mempoolOrder: 'fifo',
      chains: new Map(),
      genesisAccounts: funded.map(({ privateKey, wei }) => ({ privateKey, balance: wei.toString() })),
      allowUnlimitedContractSize: false,
      throwOnTransactionFailures: false,
      throwOnCallFailures: false,
      allowBlocksWithSameTimestamp: true,
      initialBaseFeePerGas: 0,
      coinbase: '0x0000000000000000000000000000000000000000',
      enableTransientStorage: true,
      enableRip7212: false,
    },
    { enabled: false },
  );
  return { request: (args) => provider.request(args), version };
}

/** Sends each raw transaction (automine) and reads its receipt; gas per transaction, in order. @throws Error on a failed one. */
export async function runOnEdr(chain: EdrChain, raws: string[]): Promise<bigint[]> {
  const gas: bigint[] = [];
  for (const raw of raws) {
    const hash = await chain.request({ method: 'eth_sendRawTransaction', params: [raw] });
    const receipt = (await chain.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as { status: string; gasUsed: string };
    if (receipt.status !== '0x1') throw new Error(`EDR: transaction ${gas.length} failed`);
    gas.push(BigInt(receipt.gasUsed));
  }
  return gas;
}
