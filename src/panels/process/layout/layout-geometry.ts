/**
 * Geometry of the BPMN layout: shape sizes as bpmn-js draws them by default, and orthogonal
 * waypoints for sequence and message flows. Pure.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** bpmn-js's default sizes, so a laid-out diagram looks like one drawn by hand. */
export function defaultSize(type: string): { width: number; height: number } {
  if (/Event$/.test(type)) return { width: 36, height: 36 };
  if (/Gateway$/.test(type)) return { width: 50, height: 50 };
  if (type === 'bpmn:DataObjectReference') return { width: 36, height: 50 };
  if (type === 'bpmn:DataStoreReference') return { width: 50, height: 50 };
  return { width: 100, height: 80 };
}

export const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Drops points that repeat the one before (a straight flow gets two points, not four). */
function simplify(points: Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p.x !== points[i - 1].x || p.y !== points[i - 1].y);
}

/**
 * A sequence flow from `source` to `target`, right angles only: forward flows leave on the right
 * and enter on the left (bending half way between them); a flow going back (a loop) leaves at
 * the bottom and runs under both shapes at `belowY`, entering the target from below.
 */
export function sequenceWaypoints(source: Box, target: Box, belowY: number): Point[] {
  const s = centre(source);
  const t = centre(target);
  const sRight = source.x + source.width;
  if (target.x >= sRight + 10) {
    const midX = Math.round((sRight + target.x) / 2);
    return simplify([{ x: sRight, y: s.y }, { x: midX, y: s.y }, { x: midX, y: t.y }, { x: target.x, y: t.y }]);
  }
  const y = Math.max(belowY, source.y + source.height + 20, target.y + target.height + 20);
  return simplify([{ x: s.x, y: source.y + source.height }, { x: s.x, y }, { x: t.x, y }, { x: t.x, y: target.y + target.height }]);
}

/** A flow from a boundary event: down out of the event, then across into the target's left side (or bottom when it lies behind). */
export function boundaryWaypoints(event: Box, target: Box, belowY: number): Point[] {
  const e = centre(event);
  const t = centre(target);
  const bottom = event.y + event.height;
  if (target.x >= e.x + 20) {
    const y = t.y > bottom ? t.y : Math.max(bottom + 20, belowY);
    return simplify([{ x: e.x, y: bottom }, { x: e.x, y }, ...(y === t.y ? [] : [{ x: target.x - 20, y }, { x: target.x - 20, y: t.y }]), { x: target.x, y: t.y }]);
  }
  const y = Math.max(belowY, bottom + 20, target.y + target.height + 20);
  return simplify([{ x: e.x, y: bottom }, { x: e.x, y }, { x: t.x, y }, { x: t.x, y: target.y + target.height }]);
}

/** A message flow between shapes of different pools: vertical out of the facing sides, bending half way. */
export function messageWaypoints(source: Box, target: Box): Point[] {
  const s = centre(source);
  const t = centre(target);
  const down = target.y >= source.y + source.height;
  const from = { x: s.x, y: down ? source.y + source.height : source.y };
  const to = { x: t.x, y: down ? target.y : target.y + target.height };
  const midY = Math.round((from.y + to.y) / 2);
  return simplify([from, { x: from.x, y: midY }, { x: to.x, y: midY }, to]);
}
