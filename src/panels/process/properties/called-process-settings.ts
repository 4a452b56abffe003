/** The call activity's called process (bpmn:calledElement): which workspace processes it may call. Pure. */
export interface ProcessChoice {
  id: string;
  name: string;
}

/** The processes a call activity in process `current` may call: every other one, by name. */
export const callableProcesses = (processes: readonly ProcessChoice[], current: string | undefined): ProcessChoice[] =>
  processes.filter((p) => p.id !== current);

/** Why `calledElement` cannot be called from process `current`, or null (empty is "not chosen yet", not an error here). */
export function calledElementError(calledElement: string, processes: readonly ProcessChoice[], current: string | undefined): 'self' | 'unknown' | null {
  if (!calledElement) return null;
  if (calledElement === current) return 'self';
  return processes.some((p) => p.id === calledElement) ? null : 'unknown';
}
