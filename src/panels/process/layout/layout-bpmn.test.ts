/**
 * The generated diagram of a BPMN file without one, on every sample and benchmark process and on
 * the 21 MIWG reference models with their own diagram taken out: every pool, lane, flow node and
 * flow is drawn; each node lies inside its lane and pool; nodes of one container never overlap;
 * the model itself is written back unchanged (and generates the very same contracts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModdle } from '../../../../generators/bpmn/read-bpmn.js';
import { generateWorkspace } from '../../../../generators/generate-workspace.js';
import type { Workspace } from '../../../../generators/index.js';
import { Linter } from 'bpmnlint';
import { lintConfig } from '../lint/lint-config.js';
import { layoutBpmn } from './layout-bpmn.js';
import { list } from './layout-flow.js';
import type { Box } from './layout-geometry.js';

interface El {
  $type: string;
  id: string;
  get(name: string): unknown;
}

const root = new URL('../../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const bpmnIn = (dir: string) => readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.bpmn')).map((f) => `${dir}/${f}`);
const samples = readdirSync(new URL('generators/samples', root), { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => bpmnIn(`generators/samples/${d.name}`));
const benchmarks = readdirSync(new URL('bench/processes', root)).flatMap((d) => bpmnIn(`bench/processes/${d}`));
const miwg = bpmnIn('generators/conformance/bpmn-miwg');

async function parse(xml: string): Promise<El> {
  return ((await createModdle().fromXML(xml, 'bpmn:Definitions')) as unknown as { rootElement: El }).rootElement;
}

/** Every flow node of the file, subprocesses' insides included. */
function flowNodes(definitions: El): El[] {
  const out: El[] = [];
  const visit = (c: El) => list<El>(c.get('flowElements')).forEach((e) => (out.push(e), visit(e)));
  list<El>(definitions.get('rootElements')).forEach(visit);
  return out;
}

/**
 * The file's XML as bpmn-moddle writes it, without its diagrams and without the redundant
 * <incoming>/<outgoing> references (layout fills in missing ones): what layout must not change.
 */
async function semantic(xml: string): Promise<string> {
  const definitions = await parse(xml);
  (definitions as unknown as { diagrams: unknown[] }).diagrams = [];
  for (const n of flowNodes(definitions)) for (const key of ['incoming', 'outgoing']) if (Array.isArray(n.get(key))) (n.get(key) as unknown[]).length = 0;
  return (await createModdle().toXML(definitions as never, { format: true })).xml;
}

const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function check(file: string) {
  const original = read(file);
  const input = await semantic(original); // MIWG files come with a diagram: take it out
  const out = await layoutBpmn(input);
  expect(await semantic(out), `${file}: the model changed`).toBe(input);

  const definitions = await parse(out);
  // every flow node lists its sequence flows as <incoming>/<outgoing> (bpmnlint reads them)
  for (const f of flowNodes(definitions).filter((e) => e.$type === 'bpmn:SequenceFlow')) {
    expect(list(((f.get('sourceRef') as El).get('outgoing'))), `${file}: ${f.id} not among its source's outgoing`).toContain(f);
    expect(list(((f.get('targetRef') as El).get('incoming'))), `${file}: ${f.id} not among its target's incoming`).toContain(f);
  }
  const plane = list<El>(definitions.get('diagrams'))[0]?.get('plane') as El;
  const shapes = new Map<string, Box>();
  const edges = new Map<string, { x: number; y: number }[]>();
  for (const d of list<El>(plane.get('planeElement'))) {
    const element = d.get('bpmnElement') as El;
    if (d.$type === 'bpmndi:BPMNShape') shapes.set(element.id, d.get('bounds') as Box);
    else edges.set(element.id, list(d.get('waypoint')));
  }
  const roots = list<El>(definitions.get('rootElements'));
  const collaboration = roots.find((r) => r.$type === 'bpmn:Collaboration');
  const pools = collaboration ? list<El>(collaboration.get('participants')) : [];
  const processes = collaboration ? roots.filter((r) => r.$type === 'bpmn:Process') : roots.filter((r) => r.$type === 'bpmn:Process').slice(0, 1);
  for (const pool of pools) expect(shapes.has(pool.id), `${file}: pool ${pool.id}`).toBe(true);
  for (const m of list<El>(collaboration?.get('messageFlows'))) expect(edges.get(m.id)?.length ?? 0, `${file}: message flow ${m.id}`).toBeGreaterThanOrEqual(2);

  const visit = (container: El, poolBox: Box | undefined) => {
    const nodes = list<El>(container.get('flowElements')).filter((e) => !['bpmn:SequenceFlow', 'bpmn:DataObject'].includes(e.$type));
    for (const n of nodes) {
      const box = shapes.get(n.id);
      expect(box, `${file}: ${n.$type} ${n.id} has no shape`).toBeDefined();
      if (poolBox) expect(inside(box!, poolBox), `${file}: ${n.id} outside its pool`).toBe(true);
      if (list(n.get('flowElements')).length) visit(n, undefined);
    }
    for (const f of list<El>(container.get('flowElements')).filter((e) => e.$type === 'bpmn:SequenceFlow'))
      expect(edges.get(f.id)?.length ?? 0, `${file}: sequence flow ${f.id}`).toBeGreaterThanOrEqual(2);
    const solid = nodes.filter((n) => n.$type !== 'bpmn:BoundaryEvent' && !n.$type.startsWith('bpmn:Data'));
    for (let i = 0; i < solid.length; i++)
      for (let j = i + 1; j < solid.length; j++)
        expect(overlap(shapes.get(solid[i].id)!, shapes.get(solid[j].id)!), `${file}: ${solid[i].id} overlaps ${solid[j].id}`).toBe(false);
  };
  for (const process of processes) {
    const pool = pools.find((p) => p.get('processRef') === process);
    visit(process, pool ? shapes.get(pool.id) : undefined);
    const lanes = (sets: unknown): El[] => list<El>(sets).flatMap((s) => list<El>(s.get('lanes')).flatMap((l) => [l, ...lanes([l.get('childLaneSet')].filter(Boolean))]));
    for (const lane of lanes(process.get('laneSets'))) {
      const laneBox = shapes.get(lane.id);
      expect(laneBox, `${file}: lane ${lane.id}`).toBeDefined();
      for (const n of list<El>(lane.get('flowNodeRef'))) if (n.$type !== 'bpmn:BoundaryEvent') expect(inside(shapes.get(n.id)!, laneBox!), `${file}: ${n.id} outside lane ${lane.id}`).toBe(true);
    }
  }
}

describe('layoutBpmn', () => {
  it('draws every sample and benchmark process with its pools, lanes and flows', async () => {
    expect(samples.length + benchmarks.length).toBeGreaterThan(15);
    for (const file of [...samples, ...benchmarks]) await check(file);
  }, 120_000);

  it('draws the 21 MIWG reference models, their own diagrams taken out', async () => {
    expect(miwg).toHaveLength(21);
    for (const file of miwg) await check(file);
  }, 120_000);

  it('changes nothing the generator reads: the sample workspace generates the same contracts', async () => {
    const ws = JSON.parse(read('generators/samples/maintenance-order/workspace.json')) as Workspace;
    const laid: Workspace = { ...ws, processes: await Promise.all(ws.processes.map(async (p) => ({ ...p, bpmn: await layoutBpmn(p.bpmn) }))) };
    const [before, after] = await Promise.all([generateWorkspace(ws), generateWorkspace(laid)]);
    expect(after.problems).toEqual(before.problems);
    expect(after.sources.map((s) => s.content)).toEqual(before.sources.map((s) => s.content));
  }, 60_000);

  it('opens every sample in the modeler without a lint error (its flow nodes list their flows)', async () => {
    for (const file of samples) {
      const definitions = await parse(await layoutBpmn(read(file)));
      const reports = await new Linter(lintConfig as never).lint(definitions as never);
      const errors = Object.values(reports as Record<string, { id: string; message: string; category: string }[]>).flat().filter((r) => r.category === 'error');
      expect(errors.map((e) => `${e.id}: ${e.message}`), file).toEqual([]);
    }
  }, 60_000);
});
