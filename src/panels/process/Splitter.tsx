/**
 * A vertical bar between two panels that resizes one of them: drag it, or focus it and use the
 * arrow keys; a double click restores the default. The size is a fraction of the container and
 * is remembered (split-size.ts).
 */
import { useCallback, useState, type RefObject } from 'react';
import { clampFraction, fractionAt, loadFraction, saveFraction, type SplitSpec } from './split-size.js';

/** The fraction of a split and a setter that remembers it (`persist` false while dragging). */
export function useSplit(spec: SplitSpec): [number, (fraction: number, persist?: boolean) => void] {
  const [fraction, setFraction] = useState(() => loadFraction(spec, globalThis.localStorage));
  const set = useCallback(
    (next: number, persist = true) => {
      const clamped = clampFraction(spec, next);
      setFraction(clamped);
      if (persist) saveFraction(spec, clamped, globalThis.localStorage);
    },
    [spec],
  );
  return [fraction, set];
}

interface SplitterProps {
  spec: SplitSpec;
  fraction: number;
  onChange(fraction: number, persist?: boolean): void;
  /** The element whose width the fraction is of. */
  containerRef: RefObject<HTMLElement | null>;
  /** Where the resized side is. */
  side: 'left' | 'right';
  label: string;
  testId: string;
}

const KEY_STEP = 0.02;

export function Splitter({ spec, fraction, onChange, containerRef, side, label, testId }: SplitterProps) {
  const [dragging, setDragging] = useState(false);
  const at = (clientX: number) => {
    const box = containerRef.current?.getBoundingClientRect();
    return box ? fractionAt(spec, clientX, box.left, box.width, side) : fraction;
  };
  return (
    <div
      className={`splitter${dragging ? ' is-dragging' : ''}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={Math.round(spec.min * 100)}
      aria-valuemax={Math.round(spec.max * 100)}
      aria-valuenow={Math.round(fraction * 100)}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        setDragging(true);
      }}
      onPointerMove={(e) => {
        if (dragging) onChange(at(e.clientX), false);
      }}
      onPointerUp={(e) => {
        if (!dragging) return;
        setDragging(false);
        onChange(at(e.clientX));
      }}
      onDoubleClick={() => onChange(spec.initial)}
      onKeyDown={(e) => {
        // the arrow moves the bar: the side on the bar's right grows when it moves left
        const grow = side === 'right' ? 'ArrowLeft' : 'ArrowRight';
        const shrink = side === 'right' ? 'ArrowRight' : 'ArrowLeft';
        if (e.key !== grow && e.key !== shrink) return;
        e.preventDefault();
        onChange(fraction + (e.key === grow ? KEY_STEP : -KEY_STEP));
      }}
    />
  );
}
