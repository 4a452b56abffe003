/**
 * What the store's actions call: persistence, keys, the build pipeline and the chain, behind
 * small interfaces so the actions can be tested with fakes and the heavy parts (generator,
 * compiler, ledger, ethers) can be loaded lazily by the real implementations (src/app/services.ts).
 */
import type { Eip1193Provider, Provider, Signer, Wallet } from 'ethers';
import type {
  AppManifest,
  CompileResult,
  DeploymentRecord,
  GenerateOutput,
  NetworkConfig,
  Problem,
  SourceFile,
  Workspace,
} from '../../generators/index.js';
import type { ActResult, DeployOptions, HistoryEntry, InstanceState } from '../chain/chain-api.js';
import type { NetworkCheck } from '../chain/network.js';
import type { CompiledWorkspace, ExportedFiles, ExportFormat } from '../../generators/export/export-types.js';
import type { KeyStore } from '../keys/key-store.js';
import type { MemberArguments } from '../keys/member-replacement.js';
import type { SavedDeployment } from '../persistence/studio-db.js';
import type { WorkspaceRepository } from '../persistence/workspace-repository.js';
import type { Language } from './ui-slice.js';
import type { LedgerApi } from '../ledger/client/ledger-api.js';
import type { GasReply } from '../gas-estimate/gas-client.js';

/** The bundled ledger's own methods (export, import, snapshots, interval mining, storage) for the IDE's ledger tools. */
export interface BundledLedgerTools extends LedgerApi {
  /** The head block number, asked of the ledger itself (no provider cache). */
  blockNumber(): Promise<number>;
  /** Asks the browser for persistent storage (navigator.storage.persist()); null where the browser cannot. */
  requestPersistence(): Promise<boolean | null>;
}

export interface BuildServices {
  generate(workspace: Workspace): Promise<GenerateOutput>;
  compile(sources: SourceFile[]): Promise<CompileResult>;
  assemble(
    workspace: Workspace,
    generated: GenerateOutput,
    compiled: CompileResult,
  ): Promise<{ manifest?: AppManifest; problems: Problem[] }>;
  /** Developer exports (sources bundle, Hardhat 3 project) of a compiled design (IDE only). */
  exportFiles?(format: ExportFormat, compiled: CompiledWorkspace): Promise<ExportedFiles>;
  /** Identifies the compiled design; comparable with DeploymentRecord.sourceHash. */
  designHash(manifest: AppManifest): Promise<string>;
}

/** The slice of src/chain/process-client.ts the app panel uses. */
export interface ProcessClient {
  startInstance(
    processId: string,
    signer: Signer,
    data: Record<string, unknown>,
    choice?: number,
  ): Promise<ActResult & { instanceId: bigint }>;
  completeTask(
    processId: string,
    taskElementId: string,
    instanceId: bigint,
    signer: Signer,
    data: Record<string, unknown>,
    choice?: number,
  ): Promise<ActResult>;
  listInstances(processId: string): Promise<InstanceState[]>;
  history(processId: string, instanceId: bigint): Promise<HistoryEntry[]>;
  explainError(err: unknown): string;
}

export interface ChainServices {
  /** The bundled ledger's provider; starts the ledger on first call. */
  provider(): Promise<Provider>;
  /** Gives each address enough ether to pay for gas on the bundled ledger. */
  fund(addresses: string[]): Promise<void>;
  deploy(manifest: AppManifest, signer: Signer, opts: DeployOptions): Promise<DeploymentRecord>;
  processClient(manifest: AppManifest, deployment: DeploymentRecord): Promise<ProcessClient>;
  /** Whether contract code is at `address` (the bundled ledger may have been reset since deploying). */
  hasCode(address: string): Promise<boolean>;
  /** Stops the bundled ledger and deletes its chain; the next provider() starts a new one. */
  resetLedger(): Promise<void>;
  /** Calls back with each new block number; returns an unsubscribe function. */
  onBlock(listener: (blockNumber: number) => void): () => void;
  /** Calls the deployed registry's setMembers, signed by `operator`; resolves once mined. */
  setMembers(deployment: SavedDeployment, operator: Signer, members: MemberArguments): Promise<{ txHash: string; gasUsed: bigint }>;
  /**
   * Points provider, processClient, hasCode, onBlock and fund at a JSON-RPC network, or with
   * undefined back at the bundled ledger. Only the IDE switches networks.
   */
  useNetwork?(network: NetworkConfig | undefined): void;
  /** The bundled ledger's tools (starts it if needed); IDE only, absent in the standalone app. */
  bundledLedger?(): Promise<BundledLedgerTools>;
  /** Asks a network's node for its chain id, genesis block and client (IDE only). */
  checkNetwork?(network: NetworkConfig): Promise<NetworkCheck>;
  /** A signer of an injected wallet for a network; refuses a wallet on another chain (IDE only). */
  walletSigner?(wallet: Eip1193Provider, network: NetworkConfig): Promise<Signer>;
  /**
   * How a participant whose key the IDE holds sends transactions: on the bundled ledger the worker
   * signs (LedgerSigner: the key lives in worker memory for the session), on a network the wallet
   * signs on the page. Absent: the wallet, as it is (the standalone app).
   */
  participantSigner?(wallet: Wallet): Promise<Signer>;
  /** Makes the bundled ledger forget every key it was given (when the keys lock); no-op when it is not running. */
  forgetLedgerKeys?(): Promise<void>;
}

/** Gas estimates of compiled designs on a throwaway ledger (src/gas-estimate); IDE only. */
export interface GasServices {
  /** A newer call supersedes a pending one, which resolves `cancelled`. */
  estimate(workspace: Workspace, manifest: AppManifest): Promise<GasReply>;
  cancel(): void;
}

export interface StudioServices {
  repo: WorkspaceRepository;
  /** The key store of a workspace; the same object for the life of the page (it holds unlocked keys). */
  keys(workspaceId: string): KeyStore;
  /** A sample workspace (JSON, unchecked) by id; none: the one a first start opens. */
  loadSample(id?: string): Promise<unknown>;
  build: BuildServices;
  chain: ChainServices;
  /** Absent where no gas is estimated (the standalone app, tests that do not test it). */
  gas?: GasServices;
  /** Called when the user switches language (i18next, saved preference). */
  applyLanguage(language: Language): void;
}
