/**
 * Messages between the gas client (main thread) and the gas worker. Every `estimate` gets exactly
 * one reply with its id; a newer `estimate` or a `cancel` makes the running one stop at its next
 * path and answer `cancelled`.
 */
import type { AppManifest, Workspace } from '../../generators/index.js';
import type { GasOutcome } from './gas-types.js';

export type GasRequest =
  /** `manifest` must be the compiled design of `workspace` (the build's last good run). */
  | { type: 'estimate'; id: number; workspace: Workspace; manifest: AppManifest }
  | { type: 'cancel'; id: number };

export type GasResponse =
  | { type: 'estimated'; id: number; outcome: GasOutcome }
  | { type: 'cancelled'; id: number }
  /** The dry run itself broke (a bug, or the worker could not start): says why. */
  | { type: 'failed'; id: number; error: string };
