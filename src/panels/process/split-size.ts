/**
 * Sizes of the designer's resizable splits (modeler | code, canvas | properties), pure: a size is
 * a fraction of the space the split divides, clamped so neither side vanishes, and remembered per
 * split in localStorage (a preference of this browser, not of the workspace).
 */
export interface SplitSpec {
  /** localStorage key. */
  key: string;
  /** Fraction of the container the resizable side takes by default. */
  initial: number;
  /** Bounds of that fraction. */
  min: number;
  max: number;
}

/** The modeler gets the room by default: the code panel takes a third of the design view. */
export const CODE_SPLIT: SplitSpec = { key: 'chainflow.split.code', initial: 0.3, min: 0.15, max: 0.7 };
/** The properties panel inside the Process panel (fraction of the panel's width). */
export const PROPERTIES_SPLIT: SplitSpec = { key: 'chainflow.split.properties', initial: 0.24, min: 0.15, max: 0.6 };

export function clampFraction(spec: SplitSpec, fraction: number): number {
  if (!Number.isFinite(fraction)) return spec.initial;
  return Math.min(spec.max, Math.max(spec.min, fraction));
}

export function loadFraction(spec: SplitSpec, storage: Pick<Storage, 'getItem'> | undefined): number {
  try {
    const saved = storage?.getItem(spec.key);
    return saved === null || saved === undefined ? spec.initial : clampFraction(spec, Number(saved));
  } catch {
    return spec.initial; // storage unavailable (private mode)
  }
}

export function saveFraction(spec: SplitSpec, fraction: number, storage: Pick<Storage, 'setItem'> | undefined): void {
  try {
    storage?.setItem(spec.key, String(Math.round(clampFraction(spec, fraction) * 1000) / 1000));
  } catch {
    // the size then lasts for this page only
  }
}

/**
 * The fraction the resizable side takes when the pointer is at `pointerX`, for a container from
 * `left` to `left + width`; `side` says where the resizable side is (the code panel is on the right).
 */
export function fractionAt(spec: SplitSpec, pointerX: number, left: number, width: number, side: 'left' | 'right'): number {
  if (width <= 0) return spec.initial;
  const fromLeft = (pointerX - left) / width;
  return clampFraction(spec, side === 'right' ? 1 - fromLeft : fromLeft);
}
