/**
 * Edits of a workspace's list of processes: add a blank one, rename, remove. Pure functions.
 * A new process is what an empty workspace starts with: one start event to draw from (the
 * generator then lists what is missing, e.g. a task and an end event). Its BPMN process id must be
 * unique in the workspace (the generator refuses duplicates), so it is numbered past every
 * process id the other documents declare.
 */
import type { Participant, ProcessDocument, Workspace } from '../../generators/index.js';
import { blankProcessBpmn } from '../persistence/blank-process.js';
import { uniqueId } from './workspace-edits.js';

/** The BPMN process ids a document declares (`<bpmn:process id="…">`, any prefix). */
export function declaredProcessIds(bpmn: string): string[] {
  return [...bpmn.matchAll(/<(?:[\w-]+:)?process\b[^>]*?\sid="([^"]+)"/g)].map((m) => m[1]);
}


/**
 * Adds a blank process named `name` (trimmed; Chinese allowed). Its document id comes from the
 * name's ASCII words or `process-N`; its BPMN process id is `Process_N`, both unique.
 * Returns the workspace unchanged (and no id) for a blank name.
 */
export function addProcess(ws: Workspace, name: string): { workspace: Workspace; id?: string } {
  const trimmed = name.trim();
  if (!trimmed) return { workspace: ws };
  const id = uniqueId(trimmed, ws.processes.map((p) => p.id), 'process');
  const taken = new Set(ws.processes.flatMap((p) => declaredProcessIds(p.bpmn)).map((x) => x.toLowerCase()));
  let n = ws.processes.length + 1;
  while (taken.has(`process_${n}`)) n++;
  const document: ProcessDocument = { id, name: trimmed, bpmn: blankProcessBpmn(`Process_${n}`) };
  return { workspace: { ...ws, processes: [...ws.processes, document] }, id };
}

/**
 * Renames a process document; a blank or unchanged name changes nothing. When the BPMN process
 * has a name of its own (which the generator prefers for the contract), it is renamed too, so
 * the tab, the file and the contract keep one name.
 */
export function renameProcess(ws: Workspace, id: string, name: string): Workspace {
  const trimmed = name.trim();
  const process = ws.processes.find((p) => p.id === id);
  if (!process || !trimmed || process.name === trimmed) return ws;
  const bpmn = process.bpmn.replace(/<((?:[\w-]+:)?process)\b([^>]*)>/, (tag, element: string, attributes: string) =>
    /\sname="[^"]*"/.test(attributes) ? `<${element}${attributes.replace(/\sname="[^"]*"/, ` name="${escapeXml(trimmed)}"`)}>` : tag,
  );
  return { ...ws, processes: ws.processes.map((p) => (p === process ? { ...p, name: trimmed, bpmn } : p)) };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Removes a process document; regulators linked to it lose that link (an undo restores both). */
export function removeProcess(ws: Workspace, id: string): Workspace {
  if (!ws.processes.some((p) => p.id === id)) return ws;
  const unlink = (p: Participant): Participant => {
    if (!p.regulates?.includes(id)) return p;
    // an emptied list stays a list: the regulator of only this process regulates none, not every one
    return { ...p, regulates: p.regulates.filter((x) => x !== id) };
  };
  return { ...ws, processes: ws.processes.filter((p) => p.id !== id), participants: ws.participants.map(unlink) };
}

/**
 * Sets the processes a regulator regulates (kept in the workspace's process order); `undefined`
 * removes the links, so it regulates every process again.
 */
export function setRegulatedProcesses(ws: Workspace, participantId: string, processIds: string[] | undefined): Workspace {
  const participant = ws.participants.find((p) => p.id === participantId);
  if (!participant) return ws;
  const { regulates: _, ...rest } = participant;
  const next: Participant = processIds ? { ...rest, regulates: ws.processes.map((p) => p.id).filter((id) => processIds.includes(id)) } : rest;
  return { ...ws, participants: ws.participants.map((p) => (p === participant ? next : p)) };
}
