/**
 * Fakes of the studio's services for store tests: real IndexedDB (fake-indexeddb) and real keys,
 * a scripted build pipeline and an in-memory chain. Test-only; imported by *.test.ts.
 */
import type { AppManifest, CompileResult, DeploymentRecord, GenerateOutput, NetworkConfig, Workspace } from '../../generators/index.js';
import type { InstanceState } from '../chain/chain-api.js';
import { createKeyring } from '../keys/key-store.js';
import type { MemberArguments } from '../keys/member-replacement.js';
import { openStudioDb } from '../persistence/studio-db.js';
import { createWorkspaceRepository } from '../persistence/workspace-repository.js';
import type { ProcessClient, StudioServices } from './studio-services.js';

export const sampleWorkspace: Workspace = {
  schemaVersion: 1,
  name: '订单履行',
  organizations: [
    { id: 'manufacturer', name: 'Manufacturer' },
    { id: 'supplier', name: 'Supplier' },
  ],
  roles: [
    { id: 'Buyer', name: 'Buyer' },
    { id: 'Sales', name: 'Sales' },
  ],
  participants: [
    { id: 'wang-fang', name: '王芳', kind: 'person', organization: 'manufacturer', roles: ['Buyer'] },
    { id: 'zhang-wei', name: '张伟', kind: 'person', organization: 'supplier', roles: ['Sales'] },
  ],
  processes: [{ id: 'order', name: 'Order', bpmn: '<bpmn:definitions id="d"><bpmn:task id="Task_Ship"/></bpmn:definitions>' }],
};

export function okGenerate(ws: Workspace): GenerateOutput {
  return {
    problems: [],
    sources: [{ file: 'Order.sol', content: `// ${ws.participants.length} participants` }],
    processes: [],
  } as unknown as GenerateOutput;
}

export function compileResult(ok: boolean): CompileResult {
  return {
    ok,
    diagnostics: ok ? [] : [{ severity: 'error', message: 'boom', formatted: 'boom', file: 'Order.sol', line: 1, column: 1 }],
    contracts: {},
    compilerVersion: '0.8.37',
    settings: { evmVersion: 'cancun', optimizer: { enabled: true, runs: 200 } },
    elapsedMs: 1,
  };
}

export function manifestFor(ws: Workspace): AppManifest {
  return {
    manifestVersion: 1,
    workspaceName: ws.name,
    compiler: { version: '0.8.37', settings: {} },
    roles: ws.roles.map((r, bit) => ({ id: r.id, name: r.name, bit })),
    organizations: ws.organizations.map((o, index) => ({ ...o, index })),
    participants: ws.participants.map((p) => ({ ...p })),
    registry: { contractName: 'Registry', sourceFile: 'Registry.sol', abi: [], bytecode: '0x' },
    processes: [
      {
        id: 'order',
        processId: 'Order',
        name: 'Order',
        contractName: 'Order',
        sourceFile: 'Order.sol',
        bpmn: '',
        start: { elementId: 'Start', name: 'Start', roles: ['Buyer'], functionName: 'start', eventName: 'Started', fields: [] },
        tasks: [],
        endedEventName: 'Ended',
        abi: [],
        bytecode: '0x',
      },
    ],
  };
}

let dbCount = 0;

export interface FakeChain {
  codePresent: boolean;
  instances: InstanceState[];
  funded: string[];
  failNextAct?: Error;
  /** setMembers calls: who signed and the arguments. */
  memberCalls: { operator: string; members: MemberArguments }[];
  /** The network the services point at (undefined: the bundled ledger), as useNetwork set it. */
  network?: NetworkConfig;
  /** What checkNetwork answers per network id (default: the configured chain id, genesis 0x11..). */
  nodeChainId?: Record<string, number>;
  /** Makes the next deploy report the registry as a partial record, then fail. */
  stopNextDeploy?: Error;
  /** Each deploy's network name and the record it resumed, if any. */
  deploys: { network: string; resumed?: DeploymentRecord }[];
  /** How often the bundled ledger was told to forget the keys it signs with. */
  ledgerKeysForgotten?: number;
}

/** The passphrase the simulated user types; tests that do not test keys never see a dialog. */
export const TEST_PASSPHRASE = 'test passphrase 口令';

export async function createTestServices(overrides: Partial<StudioServices['build']> = {}, options: { autoUnlock?: boolean } = {}) {
  const db = await openStudioDb(`test-studio-${++dbCount}-${Math.random()}`);
  const keyring = createKeyring(db, { scrypt: { N: 2 ** 10, r: 8, p: 1 } });
  const answered = new Set<string>();
  /** A user who types the passphrase whenever asked (unless autoUnlock is false). */
  const keys = (id: string) => {
    const store = keyring(id);
    if (options.autoUnlock !== false && !answered.has(id)) {
      answered.add(id);
      store.subscribe((e) => {
        if (e.type !== 'unlock-needed') return;
        void store.status().then((s) => (s.lock === 'unset' ? store.setPassphrase(TEST_PASSPHRASE) : store.unlock(TEST_PASSPHRASE)));
      });
    }
    return store;
  };
  const repo = createWorkspaceRepository(db);
  const chain: FakeChain = { codePresent: true, instances: [], funded: [], memberCalls: [], deploys: [] };
  const blockListeners = new Set<(n: number) => void>();
  let block = 0;
  const mine = () => {
    block += 1;
    blockListeners.forEach((l) => l(block));
  };

  const client: ProcessClient = {
    async startInstance(processId, signer) {
      if (chain.failNextAct) {
        const e = chain.failNextAct;
        chain.failNextAct = undefined;
        throw e;
      }
      const instanceId = BigInt(chain.instances.length + 1);
      chain.instances.push({ processId, instanceId, marking: 1n, ended: false, enabledTasks: [] });
      mine();
      return { txHash: `0xstart${instanceId}by${await signer.getAddress()}`, gasUsed: 21000n, blockNumber: block, instanceId };
    },
    async completeTask() {
      mine();
      return { txHash: '0xdone', gasUsed: 30000n, blockNumber: block };
    },
    listInstances: async (processId) => chain.instances.filter((i) => i.processId === processId),
    history: async () => [],
    explainError: (e) => `in words: ${(e as Error).message}`,
  };

  const services: StudioServices = {
    repo,
    keys,
    loadSample: async () => structuredClone(sampleWorkspace),
    build: {
      generate: async (ws) => okGenerate(ws),
      compile: async () => compileResult(true),
      assemble: async (ws) => ({ manifest: manifestFor(ws), problems: [] }),
      designHash: async (manifest) => `hash:${manifest.participants.length}`,
      ...overrides,
    },
    chain: {
      provider: async () => null as never,
      forgetLedgerKeys: async () => void (chain.ledgerKeysForgotten = (chain.ledgerKeysForgotten ?? 0) + 1),
      fund: async (addresses) => void chain.funded.push(...addresses),
      async deploy(manifest, signer, opts) {
        chain.deploys.push({ network: opts.network, ...(opts.resume ? { resumed: opts.resume } : {}) });
        if (chain.stopNextDeploy) {
          const stop = chain.stopNextDeploy;
          chain.stopNextDeploy = undefined;
          await opts.onRecord?.({
            network: opts.network, chainId: 1337, deployedAt: new Date(0).toISOString(), deployer: await signer.getAddress(),
            registry: { address: '0x00000000000000000000000000000000000000aa', txHash: '0xr', blockNumber: block },
            processes: {}, sourceHash: `hash:${manifest.participants.length}`, status: 'partial',
          });
          throw stop;
        }
        opts.onStep?.({ step: 'registry', contractName: 'Registry', txHash: '0xr', status: 'sent' });
        opts.onStep?.({ step: 'registry', contractName: 'Registry', txHash: '0xr', gasUsed: 100n, status: 'confirmed' });
        mine();
        return {
          network: opts.network,
          chainId: 1337,
          deployedAt: new Date(0).toISOString(),
          deployer: await signer.getAddress(),
          registry: { address: '0x00000000000000000000000000000000000000aa', txHash: '0xr', blockNumber: block },
          processes: {},
          sourceHash: `hash:${manifest.participants.length}`,
        } satisfies DeploymentRecord;
      },
      processClient: async () => client,
      useNetwork(network) {
        chain.network = network;
      },
      async checkNetwork(network) {
        const chainId = chain.nodeChainId?.[network.id] ?? network.chainId;
        const genesisHash = `0x${'11'.repeat(32)}`;
        const warnings = [
          ...(chainId !== network.chainId ? [`the node's chain id is ${chainId}, the network is set to ${network.chainId}`] : []),
          ...(network.genesisHash && network.genesisHash !== genesisHash ? ['another genesis'] : []),
        ];
        return { chainId, genesisHash, blockNumber: block, warnings };
      },
      hasCode: async () => chain.codePresent,
      async resetLedger() {
        chain.codePresent = false;
        chain.instances = [];
      },
      onBlock(listener) {
        blockListeners.add(listener);
        return () => blockListeners.delete(listener);
      },
      async setMembers(_deployment, operator, members) {
        chain.memberCalls.push({ operator: await operator.getAddress(), members });
        mine();
        return { txHash: `0xmembers${chain.memberCalls.length}`, gasUsed: 50000n };
      },
    },
    applyLanguage: () => undefined,
  };
  return { services, repo, chain, mine, db };
}
