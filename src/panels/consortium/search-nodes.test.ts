import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Workspace } from '../../../generators/index.js';
import { buildGraph } from './build-graph.js';
import { findNodes } from './search-nodes.js';

const ws = JSON.parse(readFileSync(new URL('../../../generators/samples/order-fulfilment/workspace.json', import.meta.url), 'utf8')) as Workspace;
const { nodes } = buildGraph(ws, () => 0);

describe('findNodes', () => {
  it('finds people, organizations and roles by part of their name, Chinese included', () => {
    expect(findNodes(nodes, '王芳')).toEqual(['participant:wang-fang']);
    expect(findNodes(nodes, '监管')).toEqual(['org:regulator', 'participant:regulator']);
    expect(findNodes(nodes, 'sales')).toEqual(['role:Sales']);
  });

  it('ignores case, full-width letters and spaces around the query', () => {
    expect(findNodes(nodes, '  ＷＡＮＧ ')).toEqual(['participant:wang-fang']);
  });

  it('finds a device by make, model or serial', () => {
    expect(findNodes(nodes, 'S7-1500')).toEqual(['participant:line-3']);
    expect(findNodes(nodes, 'sn-2231')).toEqual(['participant:line-3']);
  });

  it('finds nothing for a blank query or an unknown name', () => {
    expect(findNodes(nodes, '   ')).toEqual([]);
    expect(findNodes(nodes, '不存在')).toEqual([]);
  });
});
