/**
 * The workspace: what a consortium designs. A versioned JSON document (schemaVersion) holding the
 * consortium (organizations, roles, participants) and its processes as BPMN 2.0 XML.
 * Data fields live in the BPMN (a task declares the fields it writes, see docs/process-format.md),
 * so a process file carries its own data contract.
 */
export const SCHEMA_VERSION = 1 as const;

export const PARTICIPANT_KINDS = ['person', 'device', 'organization'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/**
 * Field types of the process format. `enum` (one of a list of values, Chinese text allowed),
 * `decimal` (a non-negative fixed-point number with `scale` decimals, held as an integer scaled by
 * 10^scale) and `participant` (the account of a registered participant, optionally of one role)
 * carry options: see FieldOptions.
 */
export const FIELD_TYPES = ['uint', 'int', 'bool', 'string', 'address', 'bytes32', 'timestamp', 'enum', 'decimal', 'participant'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Decimals a `decimal` field may have: 10^18 keeps every value of a uint256 exact. */
export const MAX_DECIMAL_SCALE = 18;
/** An enum is held as a Solidity enum, a uint8: at most 256 values. */
export const MAX_ENUM_VALUES = 256;

/**
 * The options of a field (cf:field attributes and <cf:value> children; see field-options.ts).
 * `values`: the enum's values in order (index i is the contract's enum member i). `scale`: the
 * decimal's number of decimals (0..18). `unit`: text shown beside the value ("kg", "CNY", "件"),
 * any type. `role`: a participant field accepts only participants holding this role (id or name).
 */
export interface FieldOptions {
  values?: string[];
  scale?: number;
  unit?: string;
  role?: string;
}

export interface Organization {
  id: string;
  name: string;
}

export interface Role {
  id: string;
  name: string;
  description?: string;
  /**
   * Ids of the roles whose player in an instance this role may nominate (cf:binds on a task this
   * role performs). When no role of the workspace has a list, any role may bind any role (as before
   * this field existed); once one has, a nomination by a role not listed is a designer error
   * (consortium-permissions.ts, checkMayBind). Not enforced by the contracts.
   */
  mayBind?: string[];
}

/**
 * What a data asset is made of: fields of one process (`process-fields`), the data a device
 * reports (`device-data`), or a document the consortium shares (`document`).
 */
export const DATA_ASSET_KINDS = ['process-fields', 'device-data', 'document'] as const;
export type DataAssetKind = (typeof DATA_ASSET_KINDS)[number];

/**
 * Who may read a data asset, besides those who always may (the writers of its fields and the
 * regulators of its process): roles and participants by id.
 */
export interface DataAssetReaders {
  roles?: string[];
  participants?: string[];
}

/**
 * Data the consortium names so it can say who may see it (docs/consortium-permissions.md). A view
 * permission of the generated app, not confidentiality: on a shared ledger every node holds the data.
 */
export interface DataAsset {
  id: string;
  name: string;
  description?: string;
  kind: DataAssetKind;
  /** process-fields: the process (ProcessDocument.id). */
  process?: string;
  /** process-fields: names of its fields (cf:field); absent: every field of the process. */
  fields?: string[];
  /** device-data: the device participant's id. */
  device?: string;
  /** Absent: everyone in the consortium may read it (as without data assets). */
  readers?: DataAssetReaders;
}

export interface DeviceInfo {
  make?: string;
  model?: string;
  serial?: string;
  /** Id of the participant (a person or an organization account) that owns the device. */
  owner?: string;
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
  /**
   * For a regulator: ids of the processes (ProcessDocument.id) it regulates; its app view shows
   * only those. Absent: it regulates every process (as before this field existed); empty: none.
   * Ignored for participants that are not regulators.
   */
  regulates?: string[];
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
  /** Data assets and who may read them; absent: every participant sees all data, as before. */
  dataAssets?: DataAsset[];
  /** The consortium's own task templates, saved from tasks in the designer; the generator ignores them. */
  taskTemplates?: TaskTemplateDef[];
  /** How the designer draws the workspace; the generator ignores it. */
  layout?: WorkspaceLayout;
}

/** Task types a template can fill (the ones whose settings the properties panel edits). */
export const TEMPLATE_TASK_TYPES = ['bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:ReceiveTask'] as const;

/** A field a template adds: the attributes of a cf:Field. */
export interface TemplateFieldDef {
  name: string;
  type: FieldType;
  label: string;
  required: boolean;
  scale?: number;
  unit?: string;
  /** For a participant field: the role its value must play. */
  role?: string;
  /** For an enum field: its values, in order. */
  values?: string[];
}

/**
 * A common task of the consortium as a template (designer only): applying it to a task of the
 * same type fills the task's name, role, fields, multi-instance, payload and documentation.
 */
export interface TaskTemplateDef {
  id: string;
  /** The template's name in the designer's lists. */
  label: string;
  taskType: (typeof TEMPLATE_TASK_TYPES)[number];
  /** The name a task gets when it has none. */
  name: string;
  /** Role id the task is performed by (cf:role); left out when the lane decides. */
  role?: string;
  documentation?: string;
  fields: TemplateFieldDef[];
  multiInstance?: { sequential?: boolean; cardinality?: number; forEachOf?: string; completion?: string };
  /** Field names the task sends (cf:payload of send and service tasks), in order. */
  payload?: string[];
}

/** A participant drawn on the consortium canvas that is not yet a member of any organization. */
export type DraftParticipant = Omit<Participant, 'organization' | 'address'>;

/** A node's place on a canvas; members of an organization are placed relative to its box. */
export interface NodePosition {
  x: number;
  y: number;
}

/**
 * Designer state kept with the workspace so a reload shows the same drawing. Optional and
 * additive: a workspace without it is drawn with a derived layout. Not part of the consortium's
 * meaning: generation, deployment and the app never read it.
 */
export interface WorkspaceLayout {
  consortium?: {
    /**
     * Canvas positions by node key: `org:<id>`, `participant:<id>` (relative to its organization),
     * `role:<id>`, `asset:<id>` (a data asset), `process:<id>`.
     */
    positions?: Record<string, NodePosition>;
    /**
     * Participants drawn but not yet connected to an organization ("member of"): they join
     * `participants` when they are, and have no key or account until then.
     */
    drafts?: DraftParticipant[];
  };
}

export const DEFAULT_CHAIN: Required<ChainSettings> = { chainId: 1337, blockGasLimit: 30_000_000 };
