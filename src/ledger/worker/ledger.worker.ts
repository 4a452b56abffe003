/**
 * Module worker entry for the bundled ledger. Thin on purpose: the logic is in
 * handle-ledger-message.ts (tested in Node); this file only binds it to the worker scope.
 */
import { openIndexedDbLedgerStore } from '../store/indexeddb-store.js';
import { createLedgerMessageHandler } from './handle-ledger-message.js';
import type { LedgerWorkerReply, LedgerWorkerRequest } from './ledger-messages.js';

interface WorkerScope {
  postMessage(message: LedgerWorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LedgerWorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const handle = createLedgerMessageHandler((reply) => scope.postMessage(reply), { openStore: openIndexedDbLedgerStore });
scope.addEventListener('message', (event) => void handle(event.data));
