/**
 * Chains and deployments: the bundled ledger or one of the workspace's JSON-RPC networks,
 * checked on connect (chain id, genesis block); deploying the last good build with the consortium
 * operator's key; remembering each network's deployment beside the workspace in IndexedDB, and a
 * deployment stopped half-way, which the next Deploy resumes.
 */
import type { Provider } from 'ethers';
import type { NetworkConfig } from '../../generators/index.js';
import type { DeployStep } from '../chain/chain-api.js';
import type { NetworkCheck } from '../chain/network.js';
import type { InjectedWallet } from '../chain/injected-wallets.js';

export type DeploySigner = { kind: 'wallet'; wallet: InjectedWallet } | { kind: 'participant'; participantId: string };
import { deploymentOn, type SavedDeployment } from '../persistence/studio-db.js';
import { addNetwork, BUNDLED, parseNetworkInput, removeNetwork, updateNetwork, type NetworkInput, type NetworkProblems } from './network-edits.js';
import { errorMessage, type SliceContext } from './store-types.js';
import { manifestWithKeyAddresses } from '../keys/assign-addresses.js';

export const BUNDLED_NETWORK = BUNDLED;

export interface DeployState {
  ledgerStatus: 'off' | 'starting' | 'ready' | 'failed';
  ledgerError?: string;
  blockNumber?: number;
  deployStatus: 'idle' | 'deploying' | 'failed';
  deploySteps: DeployStep[];
  deployError?: string;
  /** The deployment stored beside the workspace, with the manifest it was made from. */
  deployment?: SavedDeployment;
  /** Whether the deployment's contracts exist on the running ledger (a fresh ledger has none). */
  deploymentOnLedger: 'unknown' | 'present' | 'missing';
  /** Counts ledger resets and network switches; anything holding the old provider is stale once it changes. */
  ledgerEpoch: number;
  /** The chain the IDE deploys to and acts on: BUNDLED_NETWORK or a workspace network id. */
  networkId: string;
  /** What the node of a JSON-RPC network said when connected (chain id, genesis, warnings). */
  networkCheck?: NetworkCheck;
  /** A deployment on this network that stopped half-way; Deploy resumes it. */
  partialDeployment?: SavedDeployment;
  /**
   * Who signs the next deployment to a JSON-RPC network: an injected browser wallet or a
   * participant's own key; absent, the consortium operator's key. The signer becomes the
   * registry's operator (admin).
   */
  deploySigner?: DeploySigner;
}

export const initialDeployState: DeployState = {
  ledgerStatus: 'off',
  deployStatus: 'idle',
  deploySteps: [],
  deploymentOnLedger: 'unknown',
  ledgerEpoch: 0,
  networkId: BUNDLED,
};

/** The workspace network in use, or undefined on the bundled ledger. */
export function activeNetwork(s: { networkId: string; workspace?: { networks?: NetworkConfig[] } }): NetworkConfig | undefined {
  return s.networkId === BUNDLED ? undefined : s.workspace?.networks?.find((n) => n.id === s.networkId);
}

/** A step reported again (sent, then confirmed) replaces its earlier report. */
export function mergeStep(steps: DeployStep[], step: DeployStep): DeployStep[] {
  const same = (s: DeployStep) =>
    s.step === step.step && s.contractName === step.contractName && (s.txHash === step.txHash || s.status === 'sent');
  const i = steps.findIndex(same);
  return i < 0 ? [...steps, step] : steps.map((s, j) => (j === i ? step : s));
}

/** Resolves true once the last build was made from the current workspace (false after `ms`). */
function buildCaughtUp(get: SliceContext['get'], ms = 120_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  return new Promise((resolve) => {
    const check = () => {
      if (get().builtFrom === get().workspace) resolve(true);
      else if (Date.now() > deadline) resolve(false);
      else setTimeout(check, 50);
    };
    check();
  });
}

export function deployActions({ get, set, services }: SliceContext) {
  let connecting: Promise<Provider> | undefined;
  let unsubscribeBlocks: (() => void) | undefined;

  const actions = {
    /**
     * Starts the bundled ledger, or connects to the network in use and checks its node (chain id
     * and genesis block; the genesis is remembered the first time), once; later calls return the
     * same provider.
     */
    connect(): Promise<Provider> {
      if (!connecting) {
        set({ ledgerStatus: 'starting', ledgerError: undefined, networkCheck: undefined });
        const network = activeNetwork(get());
        const checked = network && services.chain.checkNetwork
          ? services.chain.checkNetwork(network).then(
              (check) => {
                set({ networkCheck: check });
                if (!network.genesisHash && check.chainId === network.chainId) {
                  set((s) => (s.workspace ? { workspace: updateNetwork(s.workspace, network.id, { genesisHash: check.genesisHash }), saveState: 'pending' } : {}));
                }
              },
              (e) => {
                throw new Error(`cannot reach ${network.name} at ${network.rpcUrl}: ${errorMessage(e)}`);
              },
            )
          : Promise.resolve();
        connecting = checked.then(() => services.chain.provider()).then(
          (provider) => {
            unsubscribeBlocks = services.chain.onBlock((blockNumber) => set({ blockNumber }));
            set({ ledgerStatus: 'ready' });
            return provider;
          },
          (e) => {
            connecting = undefined;
            set({ ledgerStatus: 'failed', ledgerError: errorMessage(e) });
            throw e;
          },
        );
      }
      return connecting;
    },

    /** Checks that the saved deployment's contracts are on the running ledger. */
    async checkDeployment(): Promise<void> {
      const deployment = get().deployment;
      if (!deployment) return;
      try {
        await actions.connect();
        const present = await services.chain.hasCode(deployment.record.registry.address);
        if (get().deployment === deployment) set({ deploymentOnLedger: present ? 'present' : 'missing' });
      } catch {
        // connect() reported the ledger failure already
      }
    },

    /**
     * Deploys the last good build to the chain in use. A deployment of the same design that
     * stopped half-way on this network is resumed (nothing is deployed twice); its progress is
     * saved after every transaction.
     */
    async deploy(): Promise<void> {
      if (get().deployStatus === 'deploying') return;
      // an edit not built yet would deploy the previous design: wait for the build to catch up
      if (get().builtFrom !== get().workspace) {
        set({ deployStatus: 'deploying', deploySteps: [], deployError: undefined });
        const caughtUp = await buildCaughtUp(get);
        set({ deployStatus: 'idle' });
        if (!caughtUp) {
          set({ deployStatus: 'failed', deployError: 'the design is still being built; deploy again in a moment' });
          return;
        }
      }
      const { manifest: built, workspace, workspaceId, buildStatus, designHash, networkId } = get();
      if (!built || !workspace || !workspaceId || buildStatus !== 'ok') {
        if (buildStatus === 'failed') set({ deployStatus: 'failed', deployError: 'the design has errors (see Problems); fix them to deploy' });
        return;
      }
      const network = activeNetwork(get());
      const partial = get().partialDeployment;
      const resume = partial && partial.record.sourceHash === designHash ? partial.record : undefined;
      set({ deployStatus: 'deploying', deploySteps: [], deployError: undefined });
      try {
        const provider = await actions.connect();
        // a node that is not the chain the network was set up for: never deploy there silently
        if (get().networkCheck?.warnings.length) throw new Error(get().networkCheck!.warnings.join('; '));
        const keys = services.keys(workspaceId);
        const addresses = await keys.ensureKeys(workspace);
        // the last build may predate keys made since: register everyone on the key the IDE holds
        const manifest = manifestWithKeyAddresses(built, addresses);
        await services.chain.fund([addresses.operator, ...Object.values(addresses.participants)]);
        const chosen = network ? get().deploySigner : undefined;
        if (chosen?.kind === 'wallet' && !services.chain.walletSigner) throw new Error('signing with a browser wallet is not available here');
        const signer =
          chosen?.kind === 'wallet' ? await services.chain.walletSigner!(chosen.wallet.provider, network!)
            : chosen?.kind === 'participant' ? await keys.getSigner(chosen.participantId, provider)
              : await keys.getOperatorSigner(provider);
        const record = await services.chain.deploy(manifest, signer, {
          network: network?.name ?? BUNDLED_NETWORK,
          ...(network ? { rpcUrl: network.rpcUrl, registryAddress: network.registryAddress } : {}),
          resume,
          onStep: (step) => set((s) => ({ deploySteps: mergeStep(s.deploySteps, step) })),
          onRecord: async (r) => {
            if (r.status === 'complete' || get().networkId !== networkId) return;
            const saved: SavedDeployment = { record: r, manifest };
            set({ partialDeployment: saved });
            await services.repo.savePartialDeployment?.(workspaceId, networkId, saved);
          },
        });
        const deployment: SavedDeployment = { record, manifest };
        await services.repo.saveDeployment(workspaceId, deployment, networkId);
        if (get().networkId === networkId) set({ deployStatus: 'idle', deployment, partialDeployment: undefined, deploymentOnLedger: 'present' });
      } catch (e) {
        set({ deployStatus: 'failed', deployError: errorMessage(e) });
      }
    },

    /** Chooses who signs the next deployment to a JSON-RPC network (undefined: the operator key). */
    setDeploySigner(signer: DeploySigner | undefined): void {
      set({ deploySigner: signer });
    },

    /** Validates the Add network form; on success adds the network and switches to it. */
    async addNetwork(input: NetworkInput): Promise<NetworkProblems> {
      const ws = get().workspace;
      if (!ws) return { name: 'no workspace is open' };
      const { network, problems } = parseNetworkInput(input, ws);
      if (!network) return problems;
      const added = addNetwork(ws, network);
      set({ workspace: added.workspace, saveState: 'pending' });
      await actions.selectNetwork(added.id);
      return {};
    },

    /** Removes a network from the workspace (its saved deployments stay in this browser). */
    async removeNetwork(id: string): Promise<void> {
      if (get().networkId === id) await actions.selectNetwork(BUNDLED);
      const ws = get().workspace;
      if (ws) set({ workspace: removeNetwork(ws, id), saveState: 'pending' });
    },

    /**
     * Switches the chain the IDE deploys to and acts on: the app, the explorer and the audit then
     * read that chain, with that network's deployment.
     */
    async selectNetwork(id: string): Promise<void> {
      const { workspaceId, workspace } = get();
      if (!workspace || (id !== BUNDLED && !workspace.networks?.some((n) => n.id === id))) return;
      unsubscribeBlocks?.();
      unsubscribeBlocks = undefined;
      connecting = undefined;
      const record = workspaceId ? await services.repo.get(workspaceId) : undefined;
      set((s) => ({
        networkId: id,
        networkCheck: undefined,
        ledgerStatus: 'off',
        ledgerError: undefined,
        blockNumber: undefined,
        deployStatus: 'idle',
        deploySteps: [],
        deployError: undefined,
        deployment: deploymentOn(record, id),
        partialDeployment: record?.partialDeployments?.[id],
        deploymentOnLedger: 'unknown',
        ledgerEpoch: s.ledgerEpoch + 1,
        instances: {},
        histories: {},
      }));
      services.chain.useNetwork?.(activeNetwork(get()));
      if (workspaceId) await services.repo.saveNetworkId?.(workspaceId, id);
      await actions.connect().catch(() => undefined);
      await actions.checkDeployment();
    },

    /**
     * Deletes the bundled ledger's chain and starts a new one (the way out when a stored chain no
     * longer loads). Deployments stay recorded but are no longer on the ledger.
     */
    async resetLedger(): Promise<void> {
      if (get().networkId !== BUNDLED) return;
      unsubscribeBlocks?.();
      unsubscribeBlocks = undefined;
      connecting = undefined;
      set({ ledgerStatus: 'starting', ledgerError: undefined });
      try {
        await services.chain.resetLedger();
      } catch (e) {
        set({ ledgerStatus: 'failed', ledgerError: errorMessage(e) });
        return;
      }
      set((s) => ({
        ledgerStatus: 'off',
        blockNumber: undefined,
        ledgerEpoch: s.ledgerEpoch + 1,
        deploymentOnLedger: s.deployment ? 'missing' : 'unknown',
        instances: {},
        histories: {},
      }));
      await actions.connect().catch(() => undefined);
    },

    dispose(): void {
      unsubscribeBlocks?.();
    },
  };
  return actions;
}

export type DeployActions = ReturnType<typeof deployActions>;
