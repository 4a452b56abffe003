/**
 * A failed transaction in words: the contracts' custom errors decoded with the manifest's ABIs
 * and told with names (participants, tasks, roles) instead of addresses and selectors.
 */
import { Interface, isError } from 'ethers';
import type { AppManifest } from '../../generators/index.js';

export function createErrorExplainer(manifest: AppManifest) {
  const iface = new Interface([
    ...(manifest.registry.abi as never[]),
    ...manifest.processes.flatMap((p) => p.abi as never[]),
  ].filter((f: { type?: string }) => f.type === 'error'));
  const who = (address: string) =>
    manifest.participants.find((p) => p.address?.toLowerCase() === String(address).toLowerCase())?.name ?? address;

  return function explainError(err: unknown): string {
    const data = revertData(err);
    if (data && data !== '0x') {
      try {
        const parsed = iface.parseError(data);
        if (parsed) {
          const a = parsed.args;
          switch (parsed.name) {
            case 'TaskNotEnabled':
              return `"${a[1]}" cannot be done in instance #${a[0]} now: it is not (or no longer) waiting for it.`;
            case 'CallerLacksRole':
              return `Only a participant with the role ${a[2]} may do "${a[1]}"; ${who(a[0])} does not have it.`;
            case 'NotAMember':
              return `${who(a[0])} is not a member of the consortium.`;
            case 'RequiredFieldMissing':
              return `"${a[0]}" is required.`;
            case 'InvalidChoice':
              return `Choice ${a[2]} does not exist at "${a[1]}" (instance #${a[0]}).`;
            case 'NoBranchMatches':
              return `No outgoing flow of "${a[1]}" applies to the data of instance #${a[0]}.`;
            case 'NotAdmin':
              return `Only the consortium operator may do this; ${who(a[0])} is not the operator.`;
            case 'TimerNotDue':
              return `"${a[1]}" is not due yet in instance #${a[0]}: it can fire from ${new Date(Number(a[2]) * 1000).toISOString()}.`;
            case 'StartNotDue':
              // dueAt = type(uint64).max: the start's timer has no round left (generators/solidity/add-timer-start.ts)
              return a[1] === 2n ** 64n - 1n
                ? `"${a[0]}" has no round left: no more instances can be started.`
                : `"${a[0]}" is not due yet: the next instance can be started from ${new Date(Number(a[1]) * 1000).toISOString()}, once per round.`;
            case 'TimerNotWaiting':
              return `"${a[1]}" is not waiting in instance #${a[0]}: it fired already, was withdrawn, or the instance has ended.`;
            case 'InstanceAlreadyCompletedByCaller':
              return `${who(a[2])} has done one instance of "${a[1]}" in instance #${a[0]} already; another participant with the role must do the next.`;
            case 'NotBoundParticipant':
              return `In instance #${a[0]} the role ${a[2]} is bound to ${who(a[4])}: only they may do "${a[1]}", not ${who(a[3])}.`;
            case 'NomineeLacksRole':
              return `${who(a[2])} cannot be nominated as ${a[1]} in instance #${a[0]}: they do not have that role.`;
            case 'RoleAlreadyBound':
              return `The role ${a[1]} is bound to ${who(a[2])} in instance #${a[0]} already and cannot be given to someone else.`;
            case 'NotAParticipant':
              return `"${a[0]}" must name a participant of the consortium; ${who(a[1])} is not one.`;
            case 'ParticipantLacksRole':
              return `"${a[0]}" must name a participant with the role ${a[2]}; ${who(a[1])} does not have it.`;
            case 'NegativeValue':
              return `A script computed ${a[0]}, a negative number, for a field that cannot be negative.`;
            case 'NotRegistry':
              return 'Only the consortium registry may change roles.';
            default:
              return `${parsed.name}(${a.map(String).join(', ')})`;
          }
        }
      } catch {
        // not one of ours: fall through to the generic message
      }
    }
    if (isError(err, 'CALL_EXCEPTION')) return `The transaction was reverted${err.reason ? `: ${err.reason}` : ''}.`;
    const message = (err as { shortMessage?: string; message?: string })?.shortMessage ?? (err as Error)?.message ?? String(err);
    return message;
  };
}

/** Digs the revert data out of the shapes ethers and EIP-1193 providers use. */
export function revertData(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  const visit = (e: unknown): string | undefined => {
    if (!e || typeof e !== 'object' || seen.has(e)) return undefined;
    seen.add(e);
    const o = e as Record<string, unknown>;
    if (typeof o.data === 'string' && o.data.startsWith('0x')) return o.data;
    for (const key of ['data', 'error', 'info', 'cause', 'revert']) {
      const found = visit(o[key]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(err);
}
