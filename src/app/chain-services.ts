/**
 * The chain's real services: the bundled ledger (a module worker keeping its chain in
 * IndexedDB, so deployments survive a reload) behind ethers, and the lead's chain API
 * (src/chain). All of it is loaded when first needed.
 */
import type { BrowserProvider, JsonRpcProvider, Provider } from 'ethers';
import { DEFAULT_CHAIN, type NetworkConfig } from '../../generators/model/workspace.js';
import type { LedgerClient } from '../ledger/client/index.js';
import type { LedgerSigner } from '../ledger/client/ledger-signer.js';
import type { BundledLedgerTools, ChainServices } from '../store/studio-services.js';

/** IndexedDB name of the bundled ledger's chain; one chain serves every workspace of this browser. */
export const BUNDLED_LEDGER_STORE = 'bundled';

/** Enough ether for any amount of gas on the bundled ledger (10^24 wei). */
const FUNDING_WEI = 10n ** 24n;

export function createChainServices(): ChainServices {
  let started: Promise<{ ledger: LedgerClient; provider: BrowserProvider }> | undefined;
  /** The JSON-RPC network in use (undefined: the bundled ledger) and its provider, made once per setting. */
  let network: NetworkConfig | undefined;
  let remote: { key: string; provider: Promise<JsonRpcProvider> } | undefined;

  const networkKey = (n: NetworkConfig) => JSON.stringify([n.id, n.rpcUrl, n.chainId, n.gas]);
  const remoteProvider = (n: NetworkConfig): Promise<JsonRpcProvider> => {
    if (remote?.key !== networkKey(n)) {
      void remote?.provider.then((p) => p.destroy()).catch(() => undefined);
      remote = { key: networkKey(n), provider: import('../chain/network.js').then(({ createNetworkProvider }) => createNetworkProvider(n.rpcUrl, n)) };
    }
    return remote.provider;
  };
  /** The provider of the chain in use. */
  const current = async (): Promise<Provider> => (network ? remoteProvider(network) : (await start()).provider);

  /** Signers of the bundled ledger's worker, by account, while the keys are unlocked and the ledger runs. */
  const ledgerSigners = new Map<string, LedgerSigner>();

  const start = () =>
    (started ??= (async () => {
      const [{ createLedgerClient }, { createEthersProvider }] = await Promise.all([
        import('../ledger/client/index.js'),
        import('../ledger/client/ethers-provider.js'),
      ]);
      const ledger = createLedgerClient({
        chainId: DEFAULT_CHAIN.chainId,
        blockGasLimit: BigInt(DEFAULT_CHAIN.blockGasLimit),
        storeName: BUNDLED_LEDGER_STORE,
      });
      await ledger.ready();
      return { ledger, provider: createEthersProvider(ledger.provider, DEFAULT_CHAIN.chainId) };
    })().catch((e: unknown) => {
      started = undefined; // let a later call try again
      throw e;
    }));

  return {
    provider: current,
    useNetwork(next) {
      network = next;
    },
    async participantSigner(wallet) {
      if (network) return wallet.connect(await remoteProvider(network));
      // one signer per account: it gives its key to the worker once, not before every act
      const cached = ledgerSigners.get(wallet.address);
      if (cached) return cached;
      const [{ provider }, { LedgerSigner }] = await Promise.all([start(), import('../ledger/client/ledger-signer.js')]);
      const made = new LedgerSigner(wallet, provider);
      ledgerSigners.set(wallet.address, made);
      return made;
    },
    async forgetLedgerKeys() {
      // the page lets go of the keys too: the signers hold their wallets
      ledgerSigners.clear();
      const running = started;
      if (!running) return;
      const { ledger } = await running;
      await ledger.provider.request({ method: 'ledger_lockAccount', params: [] });
    },
    async walletSigner(wallet, n) {
      const { createWalletSigner } = await import('../chain/network.js');
      return createWalletSigner(wallet, n);
    },
    async checkNetwork(n) {
      const { checkNetwork } = await import('../chain/network.js');
      return checkNetwork(await remoteProvider(n), n);
    },
    async fund(addresses) {
      // a real chain's accounts are funded by its operators (or need nothing on a free-gas network)
      if (network) return;
      const { ledger } = await start();
      for (const address of addresses) {
        await ledger.provider.request({ method: 'ledger_setBalance', params: [address, `0x${FUNDING_WEI.toString(16)}`] });
      }
    },
    async deploy(manifest, signer, opts) {
      const { deployWorkspace } = await import('../chain/deploy-workspace.js');
      return deployWorkspace(manifest, signer, opts);
    },
    async processClient(manifest, deployment) {
      const [{ createProcessClient }, provider] = await Promise.all([import('../chain/process-client.js'), current()]);
      return createProcessClient(manifest, deployment, provider);
    },
    async resetLedger() {
      const running = started;
      started = undefined;
      ledgerSigners.clear();
      if (running) await running.then(({ ledger }) => ledger.terminate()).catch(() => undefined);
      const { deleteIndexedDbLedgerStore } = await import('../ledger/store/index.js');
      await deleteIndexedDbLedgerStore(BUNDLED_LEDGER_STORE);
    },
    async bundledLedger(): Promise<BundledLedgerTools> {
      const [{ ledger }, { createLedgerApi }] = await Promise.all([start(), import('../ledger/client/ledger-api.js')]);
      return {
        ...createLedgerApi(ledger.provider),
        blockNumber: async () => Number(await ledger.provider.request({ method: 'eth_blockNumber' })),
        async requestPersistence() {
          const storage = (globalThis as { navigator?: { storage?: { persist?: () => Promise<boolean> } } }).navigator?.storage;
          return storage?.persist ? storage.persist().catch(() => null) : null;
        },
      };
    },
    async hasCode(address) {
      return (await (await current()).getCode(address)) !== '0x';
    },
    async setMembers(deployment, operator, members) {
      const { Contract } = await import('ethers');
      const registry = new Contract(deployment.record.registry.address, deployment.manifest.registry.abi as never, operator);
      const tx = await registry.getFunction('setMembers')(...members);
      const receipt = await tx.wait();
      return { txHash: tx.hash as string, gasUsed: receipt.gasUsed as bigint };
    },
    onBlock(listener) {
      if (network) return onRemoteBlock(remoteProvider(network), listener);
      let stop = false;
      let unsubscribe = () => {
        stop = true;
      };
      void start().then(({ ledger }) => {
        if (stop) return;
        const onBlock = (block: { number: number }) => listener(block.number);
        ledger.provider.on('block', onBlock);
        unsubscribe = () => void ledger.provider.removeListener('block', onBlock);
        // report where the chain is now, not only the blocks still to come
        void ledger.provider.request({ method: 'eth_blockNumber' }).then((n) => !stop && listener(Number(n)));
      });
      return () => unsubscribe();
    },
  };
}

/** New blocks of a JSON-RPC node (ethers polls it), starting with where the chain is now. */
function onRemoteBlock(provider: Promise<JsonRpcProvider>, listener: (blockNumber: number) => void): () => void {
  let stop = false;
  let unsubscribe = () => {
    stop = true;
  };
  void provider.then((p) => {
    if (stop) return;
    const onBlock = (n: number) => listener(n);
    void p.on('block', onBlock);
    unsubscribe = () => void p.off('block', onBlock);
    void p.getBlockNumber().then((n) => !stop && listener(n)).catch(() => undefined);
  });
  return () => unsubscribe();
}
