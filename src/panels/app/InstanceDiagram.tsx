/**
 * The process diagram of one instance, read-only (bpmn-js NavigatedViewer, loaded with this
 * module only when an instance is opened), with done / active / pending markers on its elements,
 * and the same in words as its text alternative (diagram-text.ts).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { needsLayout } from '../process/import-diagram.js';
import { useTranslation } from 'react-i18next';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import { chainflowModdle } from '../../../generators/bpmn/chainflow-namespace.js';
import { diagramGroups } from './diagram-text.js';
import type { InstanceProgress } from './instance-progress.js';
import { readRoutingGraph } from './read-routing-graph.js';

const MARKERS = { done: 'cf-done', active: 'cf-active', pending: 'cf-pending' } as const;

interface Canvas {
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
  zoom(level: 'fit-viewport', center?: 'auto'): void;
}
interface ElementRegistry {
  getAll(): { id: string; type: string }[];
}

export default function InstanceDiagram({ xml, progress }: { xml: string; progress: InstanceProgress }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer>(null);
  const [imported, setImported] = useState<string>();
  const [error, setError] = useState<string>();
  const textId = useId();
  const text = useMemo(() => {
    try {
      const groups = diagramGroups(readRoutingGraph(xml).nodes, (id) => progress.of(id));
      const list = (names: string[]) => (names.length ? names.join(', ') : t('appA11y.none'));
      return t('appA11y.diagramText', { done: list(groups.done), active: list(groups.active), pending: list(groups.pending) });
    } catch {
      return t('appView.diagram');
    }
  }, [xml, progress, t]);

  useEffect(() => {
    const v = new NavigatedViewer({ container: container.current!, moddleExtensions: { cf: chainflowModdle } });
    viewer.current = v;
    return () => {
      v.destroy();
      viewer.current = null;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setImported(undefined);
    setError(undefined);
    // a process without diagram layout (a sample or an imported file never opened in the modeler) is laid out first, or nothing would be drawn
    const shown = needsLayout(xml) ? import('../process/layout/layout-diagram.js').then(({ layoutDiagram }) => layoutDiagram(xml)) : Promise.resolve(xml);
    shown
      .then((x) => viewer.current!.importXML(x))
      .then(() => {
        if (!live) return;
        viewer.current!.get<Canvas>('canvas').zoom('fit-viewport', 'auto');
        setImported(xml);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [xml]);

  useEffect(() => {
    if (imported !== xml || !viewer.current) return;
    const canvas = viewer.current.get<Canvas>('canvas');
    const elements = viewer.current.get<ElementRegistry>('elementRegistry').getAll();
    for (const el of elements) {
      if (/Process|Collaboration|Participant|Lane|Label/.test(el.type) || el.type === 'label') continue;
      for (const m of Object.values(MARKERS)) canvas.removeMarker(el.id, m);
      canvas.addMarker(el.id, MARKERS[progress.of(el.id)]);
    }
  }, [imported, xml, progress]);

  return (
    <div className="instance-diagram-wrap">
      <div
        ref={container}
        className="instance-diagram"
        data-testid="instance-diagram"
        data-ready={imported === xml ? 'true' : 'false'}
        role="img"
        aria-label={t('appView.diagram')}
        aria-describedby={textId}
      />
      <p id={textId} className="visually-hidden" data-testid="instance-diagram-text">
        {text}
      </p>
      {!imported && !error && <p className="muted diagram-note">{t('appView.diagramLoading')}</p>}
      {error && <p className="notice is-error">{t('appView.diagramFailed', { error })}</p>}
    </div>
  );
}
