/**
 * The consortium canvas (React Flow): a view of the workspace's organizations, participants and
 * roles. Everything the user does is a workspace edit through the store (autosave, build and keys
 * follow); the nodes are rebuilt from the workspace after each edit, only drag positions and the
 * selection live here in between. Links are checked while drawn (connection-rules.ts) and a
 * refusal is shown where the link would have ended.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  ViewportPortal,
  applyNodeChanges,
  useConnection,
  useReactFlow,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type NodeChange,
  type EdgeChange,
  type OnBeforeDelete,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './consortium.css';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../generators/index.js';
import { tasksOfRole } from '../../../generators/model/permission-matrix.js';
import { selectWorkspace } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import {
  addFromPalette,
  breaksLinks,
  connect,
  disconnect,
  findParticipant,
  linksBrokenBy,
  parseKey,
  participantKey,
  removeNodes,
  setPositions,
  type BrokenLinks,
  type PaletteKind,
} from '../../store/consortium-edits.js';
import { buildGraph, memberSlot, PARTICIPANT_SIZE, type ConsortiumEdge, type ConsortiumNode, type LinkData } from './build-graph.js';
import { checkConnection, type ConnectionCheck } from './connection-rules.js';
import { DeleteConfirm, type PendingDelete } from './DeleteConfirm.js';
import { Inspector } from './Inspector.js';
import { NODE_TYPES } from './nodes.js';
import { Palette, PALETTE_MIME } from './Palette.js';
import { usePermissionMatrix } from './use-permission-matrix.js';
import { autoLayout } from './auto-layout.js';
import { CanvasSearch } from './CanvasSearch.js';
import { useCopyPaste } from './use-copy-paste.js';

export default function ConsortiumCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}

interface Note {
  text: string;
  x: number;
  y: number;
}

function CanvasInner() {
  const { t } = useTranslation();
  const workspace = useStudio(selectWorkspace)!;
  const actions = useStudioActions();
  const edit = actions.workspace.edit;
  const flow = useReactFlow<ConsortiumNode, ConsortiumEdge>();
  const matrix = usePermissionMatrix();
  const tasksOf = useCallback((roleId: string) => (matrix ? tasksOfRole(matrix, roleId).map((x) => x.task.name) : []), [matrix]);
  const fieldsOf = useCallback((id: string) => matrix?.processes.find((p) => p.id === id)?.fields.map((f) => f.name) ?? [], [matrix]);
  const graph = useMemo(() => buildGraph(workspace, (r) => tasksOf(r).length), [workspace, tasksOf]);

  const [selected, setSelected] = useState<{ nodes: string[]; edges: string[] }>({ nodes: [], edges: [] });
  const [nodes, setNodes] = useState<ConsortiumNode[]>(graph.nodes);
  useEffect(() => setNodes(graph.nodes.map((n) => ({ ...n, selected: selected.nodes.includes(n.id) }) as ConsortiumNode)), [graph, selected.nodes]);
  const edges = useMemo(
    () => graph.edges.map((e) => ({ ...e, label: t([`designer.consortium.links.${e.data!.kind}`, `consortium2.links.${e.data!.kind}`]), selected: selected.edges.includes(e.id) })),
    [graph, selected.edges, t],
  );

  const [note, setNote] = useState<Note>();
  const noteTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const showNote = useCallback((text: string, x: number, y: number) => {
    clearTimeout(noteTimer.current);
    setNote({ text, x, y });
    noteTimer.current = setTimeout(() => setNote(undefined), 6000);
  }, []);
  useEffect(() => () => clearTimeout(noteTimer.current), []);
  const refusalText = useCallback((c: ConnectionCheck) => (c.ok ? '' : t([`designer.consortium.refused.${c.reason}`, `consortium2.refused.${c.reason}`], c.values)), [t]);

  const latest = useRef(workspace);
  latest.current = workspace;
  const check = useCallback((source: string, target: string) => checkConnection(latest.current, source, target, tasksOf), [tasksOf]);

  /** Applies a checked link; a draft joining an organization takes the next free place in it. */
  const applyLink = useCallback(
    (c: ConnectionCheck) => {
      if (!c.ok) return;
      edit((ws) => {
        let next = connect(ws, c.kind, c.source, c.target);
        if (c.kind === 'member-of') {
          const index = next.participants.filter((p) => p.organization === c.target).length - 1;
          next = setPositions(next, { [participantKey(c.source)]: memberSlot(index) });
        }
        return next;
      });
    },
    [edit],
  );

  const onConnect = useCallback((c: Connection) => applyLink(check(c.source, c.target)), [applyLink, check]);
  const isValidConnection = useCallback((c: Connection | Edge) => check(c.source, c.target).ok, [check]);
  const onConnectEnd = useCallback(
    (_: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.toNode) return;
      const result = check(state.fromNode.id, state.toNode.id);
      const at = state.toNode.internals.positionAbsolute;
      if (!result.ok) showNote(refusalText(result), at.x, at.y + (state.toNode.measured.height ?? 40) + 8);
    },
    [check, refusalText, showNote],
  );

  const onNodesChange = useCallback((changes: NodeChange<ConsortiumNode>[]) => {
    setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns));
    const picks = changes.filter((c) => c.type === 'select');
    if (picks.length)
      setSelected((s) => {
        const set = new Set(s.nodes);
        for (const c of picks) if (c.selected) set.add(c.id);
        else set.delete(c.id);
        return { ...s, nodes: [...set] };
      });
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<ConsortiumEdge>[]) => {
    const picks = changes.filter((c) => c.type === 'select');
    if (picks.length)
      setSelected((s) => {
        const set = new Set(s.edges);
        for (const c of picks) if (c.selected) set.add(c.id);
        else set.delete(c.id);
        return { ...s, edges: [...set] };
      });
  }, []);

  const onNodeDragStop = useCallback(
    (_: unknown, node: ConsortiumNode, dragged: ConsortiumNode[]) => {
      // a draft dropped on an organization joins it
      const key = parseKey(node.id);
      const p = key?.list === 'participant' ? findParticipant(latest.current, key.id) : undefined;
      const org = p && !p.organization && flow.getIntersectingNodes(node).find((n) => n.type === 'organization');
      if (org) {
        const result = check(node.id, org.id);
        if (!result.ok) return showNote(refusalText(result), node.position.x, node.position.y + PARTICIPANT_SIZE.height + 8);
        return applyLink(result);
      }
      edit((ws) => setPositions(ws, Object.fromEntries(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]))));
    },
    [flow, check, applyLink, edit, refusalText, showNote],
  );

  // palette drops
  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as PaletteKind;
      if (!kind) return;
      e.preventDefault();
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const free = kind === 'organization' || kind === 'role' || kind === 'data-asset';
      const org = free ? undefined : organizationAt(nodes, at);
      const position = org
        ? { x: Math.max(16, Math.round(at.x - org.position.x - PARTICIPANT_SIZE.width / 2)), y: Math.max(40, Math.round(at.y - org.position.y - PARTICIPANT_SIZE.height / 2)) }
        : { x: Math.round(at.x), y: Math.round(at.y) };
      const name = t([`designer.consortium.defaultName.${kind}`, `consortium2.defaultName.${kind}`], { n: countOf(latest.current, kind) + 1 });
      const { workspace: next, key } = addFromPalette(latest.current, kind, name, position, org ? parseKey(org.id)!.id : undefined);
      edit(() => next);
      setSelected({ nodes: [key], edges: [] });
      if (!org && !free) showNote(t('designer.consortium.dropIntoOrganization'), position.x, position.y + PARTICIPANT_SIZE.height + 8);
    },
    [flow, nodes, edit, t, showNote],
  );

  // deleting: links go at once; nodes ask first when links would break
  const [pending, setPending] = useState<PendingDelete>();
  const removeLinks = useCallback((links: LinkData[]) => edit((ws) => links.reduce((w, l) => disconnect(w, l.kind, l.source, l.target), ws)), [edit]);
  const requestDelete = useCallback(
    (keys: string[], links: LinkData[]) => {
      if (keys.length === 0) return removeLinks(links);
      const ws = latest.current;
      const all = keys.map((k) => linksBrokenBy(ws, k));
      const broken: BrokenLinks = { members: all.flatMap((b) => b.members), players: all.flatMap((b) => b.players), devices: all.flatMap((b) => b.devices), roles: all.flatMap((b) => b.roles), owner: all.find((b) => b.owner)?.owner };
      const tasks = keys.flatMap((k) => (parseKey(k)?.list === 'role' ? tasksOf(parseKey(k)!.id) : []));
      const names = keys.map((k) => nodes.find((n) => n.id === k)).map((n) => String((n?.data as { name?: string }).name ?? (n?.data as { participant?: { name: string } }).participant?.name ?? (n?.data as { asset?: { name: string } }).asset?.name ?? ''));
      const permissions = all.flatMap((b) => b.permissions ?? []);
      if (permissions.length) broken.permissions = permissions;
      if (breaksLinks(broken) || tasks.length) return setPending({ keys, names, broken, tasks });
      edit((w) => removeNodes(w, keys));
      setSelected({ nodes: [], edges: [] });
    },
    [edit, nodes, removeLinks, tasksOf],
  );
  const onBeforeDelete: OnBeforeDelete<ConsortiumNode, ConsortiumEdge> = useCallback(
    async ({ nodes: gone, edges: cut }) => {
      requestDelete(
        gone.map((n) => n.id),
        cut.filter((e) => !gone.some((n) => n.id === e.source || n.id === e.target)).map((e) => e.data!),
      );
      return false;
    },
    [requestDelete],
  );

  const [laying, setLaying] = useState(false);
  const runAutoLayout = async () => {
    setLaying(true);
    try {
      const positions = await autoLayout(nodes, graph.edges);
      edit((ws) => setPositions(ws, positions));
      requestAnimationFrame(() => void flow.fitView({ padding: 0.15 }));
    } finally {
      setLaying(false);
    }
  };

  // search focuses a node; copy and paste make new ones beside the selected
  const focusNode = useCallback(
    (key: string) => {
      setSelected({ nodes: [key], edges: [] });
      void flow.fitView({ nodes: [{ id: key }], padding: 0.6, maxZoom: 1.2, duration: 250 });
    },
    [flow],
  );
  useCopyPaste({
    selectedKeys: selected.nodes,
    nodes,
    workspace: () => latest.current,
    apply: (next) => edit(() => next),
    onPasted: (keys) => setSelected({ nodes: keys, edges: [] }),
    suffix: t('designer.consortium.copySuffix'),
  });

  const selectedNode = selected.nodes.length === 1 && selected.edges.length === 0 ? selected.nodes[0] : undefined;
  const selectedLink = selected.edges.length === 1 && selected.nodes.length === 0 ? edges.find((e) => e.id === selected.edges[0])?.data : undefined;

  return (
    <div className="cn-layout" data-testid="consortium-canvas">
      <Palette />
      <div className="cn-canvas" onDragOver={(e) => e.preventDefault()} onDrop={onDrop} aria-label={t('designer.consortium.canvasLabel')}>
        <div className="cn-toolbar">
          <CanvasSearch nodes={nodes} onFound={focusNode} />
          <button type="button" className="btn btn-small" data-testid="cn-auto-layout" disabled={laying} onClick={() => void runAutoLayout()}>
            {laying ? t('designer.consortium.toolbar.laying') : t('designer.consortium.toolbar.autoLayout')}
          </button>
          <button type="button" className="btn btn-small" data-testid="cn-fit" onClick={() => void flow.fitView({ padding: 0.15 })}>
            {t('designer.consortium.toolbar.fit')}
          </button>
        </div>
        <ReactFlow<ConsortiumNode, ConsortiumEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDragStop={onNodeDragStop}
          onBeforeDelete={onBeforeDelete}
          deleteKeyCode={['Delete', 'Backspace']}
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          connectionRadius={24}
          fitView
          fitViewOptions={{ padding: 0.15 }}
          minZoom={0.2}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={16} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable data-testid="cn-minimap" />
          <LiveHint check={check} refusalText={refusalText} />
          {note && (
            <ViewportPortal>
              <div className="cn-note" role="alert" data-testid="connection-refused" style={{ transform: `translate(${note.x}px, ${note.y}px)` }}>
                {note.text}
              </div>
            </ViewportPortal>
          )}
        </ReactFlow>
      </div>
      <Inspector
        workspace={workspace}
        nodeKey={selectedNode}
        link={selectedLink}
        tasksOf={tasksOf}
        fieldsOf={fieldsOf}
        edit={edit}
        onDelete={() => (selectedLink ? removeLinks([selectedLink]) : selectedNode && requestDelete([selectedNode], []))}
        onMove={(id, organization) => {
          const p = findParticipant(latest.current, id);
          if (!p?.organization) return applyLink(check(participantKey(id), `org:${organization}`));
          edit((ws) => connect(ws, 'member-of', id, organization));
        }}
      />
      {pending && (
        <DeleteConfirm
          pending={pending}
          onCancel={() => setPending(undefined)}
          onConfirm={() => {
            edit((w) => removeNodes(w, pending.keys));
            setPending(undefined);
            setSelected({ nodes: [], edges: [] });
          }}
        />
      )}
    </div>
  );
}

/** While a link is drawn over a node it may not reach, says why, beside that node. */
function LiveHint({ check, refusalText }: { check(a: string, b: string): ConnectionCheck; refusalText(c: ConnectionCheck): string }) {
  const connection = useConnection();
  if (!connection.inProgress || !connection.toNode || !connection.fromNode) return null;
  const result = check(connection.fromNode.id, connection.toNode.id);
  if (result.ok) return null;
  const at = connection.toNode.internals.positionAbsolute;
  return (
    <ViewportPortal>
      <div className="cn-note is-live" data-testid="connection-hint" style={{ transform: `translate(${at.x}px, ${at.y + (connection.toNode.measured.height ?? 40) + 8}px)` }}>
        {refusalText(result)}
      </div>
    </ViewportPortal>
  );
}

function organizationAt(nodes: ConsortiumNode[], at: { x: number; y: number }): ConsortiumNode | undefined {
  return nodes.find(
    (n) => n.type === 'organization' && at.x >= n.position.x && at.y >= n.position.y && at.x <= n.position.x + (n.width ?? 0) && at.y <= n.position.y + (n.height ?? 0),
  );
}

function countOf(ws: Workspace, kind: PaletteKind): number {
  if (kind === 'organization') return ws.organizations.length;
  if (kind === 'role') return ws.roles.length;
  if (kind === 'data-asset') return ws.dataAssets?.length ?? 0;
  const kindOf = { person: 'person', device: 'device', account: 'organization', regulator: 'person' }[kind];
  return [...ws.participants, ...(ws.layout?.consortium?.drafts ?? [])].filter((p) => p.kind === kindOf).length;
}
