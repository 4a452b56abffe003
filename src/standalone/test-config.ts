/** A small valid app config for the standalone tests (two participants, one process). */
import type { AppManifest, DeploymentRecord } from '../../generators/manifest/app-manifest.js';
import { appConfigFor, type AppConfig } from './app-config.js';

export const WANG = '0x1111111111111111111111111111111111111111';
export const LI = '0x2222222222222222222222222222222222222222';

export function testManifest(): AppManifest {
  return {
    manifestVersion: 1,
    workspaceName: 'Order fulfilment 订单履约',
    compiler: { version: '0.8.37', settings: {} },
    roles: [{ id: 'buyer', name: 'Buyer', bit: 0 }],
    organizations: [{ id: 'acme', name: '华东制造 Acme', index: 1 }],
    participants: [
      { id: 'wang-fang', name: '王芳 Wang Fang', kind: 'person', organization: 'acme', roles: ['buyer'], address: WANG },
      { id: 'li-wei', name: '李伟 Li Wei', kind: 'person', organization: 'acme', roles: [], address: LI },
      { id: 'sensor', name: 'Sensor 7', kind: 'device', organization: 'acme', roles: [] },
    ],
    registry: { contractName: 'ConsortiumRegistry', sourceFile: 'ConsortiumRegistry.sol', abi: [], bytecode: '0x00' },
    processes: [
      {
        id: 'order',
        processId: 'Process_1',
        name: 'Order',
        contractName: 'Order',
        sourceFile: 'Order.sol',
        bpmn: '<definitions/>',
        start: { elementId: 'Start', name: 'Start', roles: ['buyer'], functionName: 'startInstance', eventName: 'InstanceStarted', fields: [] },
        tasks: [],
        endedEventName: 'InstanceEnded',
        abi: [],
        bytecode: '0x00',
      },
    ],
  } as AppManifest;
}

export function testDeployment(): DeploymentRecord {
  return {
    network: 'consortium-test',
    chainId: 31337,
    deployedAt: '2026-05-01T10:00:00.000Z',
    deployer: '0x9999999999999999999999999999999999999999',
    registry: { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', txHash: '0x01', blockNumber: 1 },
    processes: { order: { address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', txHash: '0x02', blockNumber: 2 } },
    sourceHash: '0xabc',
  };
}

export function testConfig(rpcUrl = 'http://127.0.0.1:8545'): AppConfig {
  return appConfigFor(testManifest(), testDeployment(), { rpcUrl, name: 'Consortium test net' }, new Date('2026-05-02T08:00:00.000Z'));
}
