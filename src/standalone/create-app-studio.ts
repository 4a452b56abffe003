/**
 * The studio store of the exported app: the IDE's own store (so the app's session, audit and
 * deployment logic are the very same code), with services for one JSON-RPC node and one signed-in
 * participant. What only the IDE does (saving workspaces, building, deploying, funding, resetting
 * the bundled ledger) is refused with a message saying so; the app never asks for it.
 */
import type { JsonRpcApiProvider } from 'ethers';
import { createStudioStore, type Studio } from '../store/create-studio-store.js';
import type { ChainServices, StudioServices } from '../store/studio-services.js';
import type { Language } from '../store/ui-slice.js';
import type { AppConfig } from './app-config.js';
import type { GasMode } from './free-gas.js';
import type { ParticipantSession } from './participant-session.js';

/** The store's workspace id in the exported app (there is no workspace, only its deployment). */
export const APP_WORKSPACE_ID = 'exported-app';

const ideOnly = (what: string) => () => Promise.reject(new Error(`${what} is done in the ChainFlow Studio IDE, not in the exported app`));

export function createAppChainServices(provider: JsonRpcApiProvider): ChainServices {
  return {
    provider: async () => provider,
    fund: ideOnly('funding accounts'),
    deploy: ideOnly('deploying'),
    async processClient(manifest, deployment) {
      const { createProcessClient } = await import('../chain/process-client.js');
      return createProcessClient(manifest, deployment, provider);
    },
    hasCode: async (address) => (await provider.getCode(address)) !== '0x',
    resetLedger: ideOnly('resetting the bundled ledger'),
    setMembers: ideOnly('changing members'),
    onBlock(listener) {
      let stopped = false;
      const onBlock = (n: number) => !stopped && listener(n);
      void provider.on('block', onBlock);
      // where the chain is now, not only the blocks still to come
      void provider.getBlockNumber().then(onBlock, () => undefined);
      return () => {
        stopped = true;
        void provider.off('block', onBlock);
      };
    },
  };
}

export interface AppStudioOptions {
  config: AppConfig;
  provider: JsonRpcApiProvider;
  gasMode: GasMode;
  session: ParticipantSession;
  language: Language;
  applyLanguage(language: Language): void;
}

/** A studio store holding the config's deployment, acting as whoever signs in to `session`. */
export function createAppStudio({ config, provider, gasMode, session, language, applyLanguage }: AppStudioOptions): Studio {
  const keyStore = session.keyStore(() => gasMode);
  const services: StudioServices = {
    repo: {
      currentId: async () => APP_WORKSPACE_ID,
      setCurrentId: async () => undefined,
      get: async () => undefined,
      list: async () => [],
      create: ideOnly('creating workspaces'),
      saveJson: ideOnly('saving workspaces'),
      saveDeployment: ideOnly('saving deployments'),
    },
    keys: () => keyStore,
    loadSample: ideOnly('opening the sample'),
    build: {
      generate: ideOnly('generating'),
      compile: ideOnly('compiling'),
      assemble: ideOnly('assembling'),
      designHash: ideOnly('hashing the design'),
    },
    chain: createAppChainServices(provider),
    applyLanguage,
  };
  const studio = createStudioStore(services, { language });
  const signedIn = session.state();
  studio.store.setState({
    workspaceId: APP_WORKSPACE_ID,
    deployment: { manifest: config.manifest, record: config.deployment },
    deploymentOnLedger: 'present', // checked by connectToChain before the store is made
    actingParticipantId: signedIn.status === 'signed-out' ? undefined : signedIn.participantId,
    viewPermissions: config.viewPermissions,
  });
  // the store acts as whoever signs in, from the moment they do (before the next render)
  const unsubscribe = session.subscribe((state) => {
    if (state.status === 'signed-in') studio.actions.session.selectParticipant(state.participantId);
  });
  void studio.actions.deploy.connect().catch(() => undefined); // follows new blocks: the work list stays live
  return {
    ...studio,
    dispose() {
      unsubscribe();
      studio.dispose();
    },
  };
}
