/** A small chain file for the standalone tests (Node only: node:crypto). */
import { createHash } from 'node:crypto';

/** A chain file as the ledger exports it: header, blocks, pending edits, checksum of all before. */
export function fakeChainFile(chainId = 31337, blocks = 2): string {
  const header = { kind: 'chainflow-ledger-export', version: 1, chainId, blockGasLimit: '0x1c9c380', timestamp: 1, alloc: { '0xAbC0000000000000000000000000000000000001': '0xde0b6b3a7640000' }, blocks, head: '0xhead' };
  const lines = [JSON.stringify(header), ...Array.from({ length: blocks - 1 }, (_, i) => JSON.stringify({ number: i + 1, hash: `0x${i}`, timestamp: 2, preEdits: [], transactions: [] })), JSON.stringify({ pendingEdits: [] })];
  const body = `${lines.join('\n')}\n`;
  return `${body}${JSON.stringify({ sha256: `0x${createHash('sha256').update(body).digest('hex')}` })}\n`;
}
