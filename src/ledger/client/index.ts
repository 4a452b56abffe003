export {
  createLedgerClient,
  type LedgerClient,
  type LedgerClientOptions,
  type WorkerLike,
} from './create-ledger-client.js';
export { createInProcessProvider } from './in-process-provider.js';
export { createLedgerApi, type LedgerApi, type StorageInfo, type Verification, type VerifyResult } from './ledger-api.js';
export type { BlockListener, LedgerProvider, RequestArguments } from './ledger-provider.js';
/** Imports ethers: page code that already uses ethers pays nothing extra. */
export { createEthersProvider } from './ethers-provider.js';
/** Imports ethers too: a participant's signer whose transactions the ledger signs. */
export { LedgerSigner } from './ledger-signer.js';
