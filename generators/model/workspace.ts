/**
 * The workspace: what a consortium designs. A versioned JSON document (schemaVersion) holding the
 * consortium (organizations, roles, participants) and its processes as BPMN 2.0 XML.
 * Data fields live in the BPMN (a task declares the fields it writes, see docs/process-format.md),
 * so a process file carries its own data contract.
 */
export const SCHEMA_VERSION = 1 as const;

export const PARTICIPANT_KINDS = ['person', 'device', 'organization'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** Field types of the process format. The spine covers these; later issues add enum, participant, decimal. */
export const FIELD_TYPES = ['uint', 'int', 'bool', 'string', 'address', 'bytes32', 'timestamp'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface Organization {
  id: string;
  name: string;
}

export interface Role {
  id: string;
  name: string;
  description?: string;
}

export interface DeviceInfo {
  make?: string;
  model?: string;
  serial?: string;
}

export interface Participant {
  id: string;
  name: string;
  kind: ParticipantKind;
  /** Id of the organization this participant belongs to. */
  organization: string;
  /** Ids of the roles this participant plays. */
  roles: string[];
  /** Checksummed account address; filled in when the participant's key is created. */
  address?: string;
  device?: DeviceInfo;
}

export interface ProcessDocument {
  id: string;
  name: string;
  /** BPMN 2.0 XML, optionally with the ChainFlow extension namespace. */
  bpmn: string;
}

export interface ChainSettings {
  chainId: number;
  blockGasLimit?: number;
}

/**
 * A JSON-RPC network the consortium deploys to (Besu, GoQuorum, any EVM chain). The bundled
 * ledger is always there and is not listed.
 */
export interface NetworkConfig {
  id: string;
  name: string;
  /** http:// or https:// JSON-RPC endpoint of a node. */
  rpcUrl: string;
  chainId: number;
  /** Hash of block 0 when first connected: a later connection to another chain with the same id warns. */
  genesisHash?: string;
  /**
   * `free`: transactions carry a zero gas price (permissioned networks with free gas: Besu with
   * min-gas-price 0, GoQuorum; participants hold no ether). `market`: the node's fee data.
   */
  gas: 'free' | 'market';
  /** The consortium's existing registry: processes attach to it instead of a new one. */
  registryAddress?: string;
}

export interface Workspace {
  schemaVersion: typeof SCHEMA_VERSION;
  name: string;
  description?: string;
  chain?: ChainSettings;
  /** Real chains this workspace deploys to, besides the bundled ledger. */
  networks?: NetworkConfig[];
  organizations: Organization[];
  roles: Role[];
  participants: Participant[];
  processes: ProcessDocument[];
}

export const DEFAULT_CHAIN: Required<ChainSettings> = { chainId: 1337, blockGasLimit: 30_000_000 };
