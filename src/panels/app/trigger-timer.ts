/**
 * Fires a due timer: calls its trigger function (e.g. `trigger48HoursPassed(instanceId)`), which
 * anyone may call once the deadline has passed. Signed by the acting participant so the chain
 * records who fired it (TimerFired.by). A revert (TimerNotDue, TimerNotWaiting) is thrown as
 * ethers throws it; the caller explains it with the process client's explainError.
 */
import { Contract, type Signer } from 'ethers';
import type { ProcessManifest } from '../../../generators/index.js';
import type { ActResult } from '../../chain/chain-api.js';

export async function triggerTimer(process: ProcessManifest, address: string, timerIndex: number, instanceId: bigint, signer: Signer): Promise<ActResult> {
  const timer = process.timers?.find((t) => t.index === timerIndex);
  if (!timer) throw new Error(`process "${process.name}" has no timer #${timerIndex}`);
  const contract = new Contract(address, process.abi as never, signer);
  const tx = await contract.getFunction(timer.functionName)(instanceId);
  const receipt = (await tx.wait()) as { gasUsed: bigint; blockNumber: number };
  return { txHash: tx.hash as string, gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber };
}
