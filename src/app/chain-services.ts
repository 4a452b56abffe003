/**
 * The chain's real services: the bundled ledger (a module worker keeping its chain in
 * IndexedDB, so deployments survive a reload) behind ethers, and the lead's chain API
 * (src/chain). All of it is loaded when first needed.
 */
import type { BrowserProvider } from 'ethers';
import { DEFAULT_CHAIN } from '../../generators/model/workspace.js';
import type { LedgerClient } from '../ledger/client/index.js';
import type { ChainServices } from '../store/studio-services.js';

/** IndexedDB name of the bundled ledger's chain; one chain serves every workspace of this browser. */
export const BUNDLED_LEDGER_STORE = 'bundled';

/** Enough ether for any amount of gas on the bundled ledger (10^24 wei). */
const FUNDING_WEI = 10n ** 24n;

export function createChainServices(): ChainServices {
  let started: Promise<{ ledger: LedgerClient; provider: BrowserProvider }> | undefined;

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
    provider: async () => (await start()).provider,
    async fund(addresses) {
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
      const [{ createProcessClient }, { provider }] = await Promise.all([import('../chain/process-client.js'), start()]);
      return createProcessClient(manifest, deployment, provider);
    },
    async resetLedger() {
      const running = started;
      started = undefined;
      if (running) await running.then(({ ledger }) => ledger.terminate()).catch(() => undefined);
      const { deleteIndexedDbLedgerStore } = await import('../ledger/store/index.js');
      await deleteIndexedDbLedgerStore(BUNDLED_LEDGER_STORE);
    },
    async hasCode(address) {
      const { provider } = await start();
      return (await provider.getCode(address)) !== '0x';
    },
    async setMembers(deployment, operator, members) {
      const { Contract } = await import('ethers');
      const registry = new Contract(deployment.record.registry.address, deployment.manifest.registry.abi as never, operator);
      const tx = await registry.getFunction('setMembers')(...members);
      const receipt = await tx.wait();
      return { txHash: tx.hash as string, gasUsed: receipt.gasUsed as bigint };
    },
    onBlock(listener) {
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
