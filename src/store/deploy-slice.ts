/**
 * The bundled ledger and deployments: starting the ledger, deploying the last good build with the
 * consortium operator's key (after funding every account), and remembering the deployment beside
 * the workspace in IndexedDB.
 */
import type { Provider } from 'ethers';
import type { DeployStep } from '../chain/chain-api.js';
import type { SavedDeployment } from '../persistence/studio-db.js';
import { errorMessage, type SliceContext } from './store-types.js';

export const BUNDLED_NETWORK = 'bundled';

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
  /** Counts ledger resets; anything holding the old ledger's provider is stale once it changes. */
  ledgerEpoch: number;
}

export const initialDeployState: DeployState = {
  ledgerStatus: 'off',
  deployStatus: 'idle',
  deploySteps: [],
  deploymentOnLedger: 'unknown',
  ledgerEpoch: 0,
};

/** A step reported again (sent, then confirmed) replaces its earlier report. */
export function mergeStep(steps: DeployStep[], step: DeployStep): DeployStep[] {
  const same = (s: DeployStep) =>
    s.step === step.step && s.contractName === step.contractName && (s.txHash === step.txHash || s.status === 'sent');
  const i = steps.findIndex(same);
  return i < 0 ? [...steps, step] : steps.map((s, j) => (j === i ? step : s));
}

export function deployActions({ get, set, services }: SliceContext) {
  let connecting: Promise<Provider> | undefined;
  let unsubscribeBlocks: (() => void) | undefined;

  const actions = {
    /** Starts the bundled ledger once; later calls return the same provider. */
    connect(): Promise<Provider> {
      if (!connecting) {
        set({ ledgerStatus: 'starting', ledgerError: undefined });
        connecting = services.chain.provider().then(
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

    async deploy(): Promise<void> {
      const { manifest, workspace, workspaceId, buildStatus, deployStatus } = get();
      if (!manifest || !workspace || !workspaceId || buildStatus !== 'ok' || deployStatus === 'deploying') return;
      set({ deployStatus: 'deploying', deploySteps: [], deployError: undefined });
      try {
        const provider = await actions.connect();
        const keys = services.keys(workspaceId);
        const addresses = await keys.ensureKeys(workspace);
        await services.chain.fund([addresses.operator, ...Object.values(addresses.participants)]);
        const signer = await keys.getOperatorSigner(provider);
        const record = await services.chain.deploy(manifest, signer, {
          network: BUNDLED_NETWORK,
          onStep: (step) => set((s) => ({ deploySteps: mergeStep(s.deploySteps, step) })),
        });
        const deployment: SavedDeployment = { record, manifest };
        await services.repo.saveDeployment(workspaceId, deployment);
        set({ deployStatus: 'idle', deployment, deploymentOnLedger: 'present' });
      } catch (e) {
        set({ deployStatus: 'failed', deployError: errorMessage(e) });
      }
    },

    /**
     * Deletes the bundled ledger's chain and starts a new one (the way out when a stored chain no
     * longer loads). Deployments stay recorded but are no longer on the ledger.
     */
    async resetLedger(): Promise<void> {
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
