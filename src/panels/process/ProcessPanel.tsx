/**
 * The Process panel: a bpmn-js Modeler for the workspace's processes, with a collapsible
 * properties panel on the right. This component only owns the modeler's life cycle and feeds it
 * the IDE's data; what the modeler does lives in bpmn-js modules (ide-bridge-module.ts,
 * translate-module.ts, properties/, lint/). The XML in the workspace is the source of truth:
 * it is imported when it changes from outside, and edits flow back through the bridge.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Modeler from 'bpmn-js/lib/Modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import './process-panel.css';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import lintingModule from 'bpmn-js-bpmnlint';
import { chainflowModdle } from '../../../generators/bpmn/chainflow-namespace.js';
import { processFileName } from '../../../generators/generate-workspace.js';
import { bpmnStrings } from '../../i18n/i18n.js';
import { designerBpmnEn } from '../../i18n/resources/designer-en.js';
import { designerBpmnZhCN } from '../../i18n/resources/designer-zh-CN.js';
import { selectActiveProcessId, selectLanguage, selectProblemRows, selectProcesses, selectWorkspace } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';
import { ideBridgeModule, type IdeBridge } from './ide-bridge-module.js';
import { importDiagram } from './import-diagram.js';
import { translateModule } from './translate-module.js';
import { ProcessTabs } from './ProcessTabs.js';
import { chainflowPropertiesModule, type ChainflowProcesses, type ChainflowRoles, type ChainflowTemplates } from './properties/index.js';
import type { BusinessObject } from './properties/cf-model.js';
import { TaskTemplatesDialog } from './TaskTemplatesDialog.js';
import { lintConfig, lintIssueProblems } from './lint/lint-config.js';
import { problemMarkersModule, type ProblemMarkers } from './lint/problem-markers-module.js';
import { gasBadgesModule, type GasBadges } from './gas-badges-module.js';
import { badgesOf, formatGas } from './gas-view.js';
import { GasSummary } from './GasSummary.js';
import { Splitter, useSplit } from './Splitter.js';
import { PROPERTIES_SPLIT } from './split-size.js';
import { markModelerDrawn } from './modeler-drawn.js';

const DESIGNER_BPMN = { en: designerBpmnEn, 'zh-CN': designerBpmnZhCN } as const;
const OPEN_GROUPS = Object.fromEntries(['general', 'cf-role', 'cf-fields', 'cf-condition', 'cf-multi-instance', 'cf-payload', 'cf-sender', 'cf-called', 'cf-template'].map((id) => [id, { open: true }]));

/** The process in the modeler and its file name, as the lint results need them. */
interface Shown {
  processId?: string;
  file?: string;
}

interface ModelerState {
  modeler: Modeler;
  bridge: IdeBridge;
  /** The XML the modeler holds (last imported or exported), per process id. */
  shownXml: Map<string, string>;
  /** The last XML that imported without error, per process id. */
  goodXml: Map<string, string>;
  shownProcessId?: string;
  /** Set when a diagram was imported while the panel was hidden and could not be fitted. */
  needsFit?: boolean;
}

export default function ProcessPanel({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  const processes = useStudio(selectProcesses) ?? [];
  const activeId = useStudio(selectActiveProcessId);
  const language = useStudio(selectLanguage);
  const reveal = useStudio((s) => s.reveal);
  const roles = useStudio(selectWorkspace)?.roles;
  const taskTemplates = useStudio(selectWorkspace)?.taskTemplates;
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const problemRows = useStudio(selectProblemRows);
  const propertiesOpen = useStudio((s) => s.propertiesOpen);
  const gasEstimate = useStudio((s) => s.gasEstimate);
  const gasManifest = useStudio((s) => s.gasManifest);
  const gasEstimating = useStudio((s) => s.gasStatus === 'estimating');
  const actions = useStudioActions();
  const containerRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [propertiesFraction, setPropertiesFraction] = useSplit(PROPERTIES_SPLIT);
  const propertiesRef = useRef<HTMLDivElement>(null);
  const shown = useRef<Shown>({});
  const [state, setState] = useState<ModelerState>();
  const [importing, setImporting] = useState(false);
  const [laidOut, setLaidOut] = useState(false);
  const importDone = useRef<Promise<void>>(Promise.resolve());
  const processIndex = processes.findIndex((p) => p.id === activeId);
  const process = processes[processIndex];
  const file = process && processFileName(process, processIndex);

  // One modeler per language: bpmn-js translates its palette and menus when it builds them.
  useEffect(() => {
    const shownXml = new Map<string, string>();
    const modeler = new Modeler({
      container: containerRef.current!,
      moddleExtensions: { cf: chainflowModdle },
      additionalModules: [
        translateModule({ ...bpmnStrings(language), ...DESIGNER_BPMN[language] }),
        ideBridgeModule,
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        chainflowPropertiesModule,
        lintingModule,
        problemMarkersModule,
        gasBadgesModule,
      ],
      // ChainFlow's groups open at first: they are what users come to the panel for
      propertiesPanel: { parent: propertiesRef.current!, layout: { groups: OPEN_GROUPS } },
      linting: { bpmnlint: lintConfig, active: true },
      chainflowLint: {
        onIssues(issues: Parameters<typeof lintIssueProblems>[0]) {
          const { processId, file } = shown.current;
          if (processId && file) actions.designer.setLintProblems(processId, lintIssueProblems(issues, file));
        },
      },
      ideBridge: {
        onXmlChange(processId: string, xml: string) {
          shownXml.set(processId, xml);
          actions.workspace.setProcessXml(processId, xml);
        },
        onSelectionChange(processId: string, elementId: string | undefined) {
          actions.ui.setSelectedElement(processId, elementId);
        },
        onSaveError(processId: string, error: unknown) {
          actions.ui.setImportProblems(processId, [
            { severity: 'error', message: `the diagram could not be saved: ${String(error)}`, file: processId },
          ]);
        },
      },
    } as ConstructorParameters<typeof Modeler>[0]);
    setState({ modeler, bridge: modeler.get<IdeBridge>('ideBridge'), shownXml, goodXml: new Map() });
    return () => {
      modeler.get<IdeBridge>('ideBridge').flush();
      modeler.destroy();
    };
  }, [language, actions]);

  // Import when another process is chosen or its XML changed outside the modeler.
  useEffect(() => {
    if (!state || !process) return;
    if (state.shownProcessId === process.id && state.shownXml.get(process.id) === process.bpmn) return;
    const { modeler, bridge } = state;
    let cancelled = false;
    setImporting(true);
    const run = async () => {
      bridge.setDocument(process.id);
      state.shownProcessId = process.id;
      shown.current = { processId: process.id, file };
      const outcome = await importDiagram(modeler, process.bpmn, file ?? process.name);
      if (cancelled) return;
      if (outcome.ok) {
        state.goodXml.set(process.id, outcome.xml);
        state.shownXml.set(process.id, outcome.xml);
        state.needsFit = !fit(modeler, containerRef.current);
        // a laid-out diagram is written back so the layout is kept
        if (outcome.laidOut) actions.workspace.setProcessXml(process.id, outcome.xml);
      } else {
        const good = state.goodXml.get(process.id);
        if (good) await modeler.importXML(good).catch(() => undefined);
        // the broken XML counts as shown so it is not imported again until it changes
        state.shownXml.set(process.id, process.bpmn);
      }
      setLaidOut(outcome.laidOut);
      actions.ui.setImportProblems(process.id, outcome.problems);
      markModelerDrawn();
    };
    importDone.current = run().finally(() => setImporting(false));
    return () => {
      cancelled = true;
    };
  }, [state, process, file, actions]);

  // The role selects of the properties panel list the consortium's roles.
  useEffect(() => {
    if (state && roles) state.modeler.get<ChainflowRoles>('chainflowRoles').set(roles);
  }, [state, roles]);

  // The Template group offers the consortium's own templates beside the built-in ones.
  useEffect(() => {
    if (state) state.modeler.get<ChainflowTemplates>('chainflowTemplates').set(taskTemplates);
  }, [state, taskTemplates]);

  // The call activity's process picker lists the workspace's other processes (the service ignores unchanged lists).
  useEffect(() => {
    if (state) state.modeler.get<ChainflowProcesses>('chainflowProcesses').set(processes, process?.id);
  }, [state, processes, process?.id]);

  // Every problem about an element of this process colours that element on the canvas.
  const markers = useMemo(
    () =>
      problemRows
        .filter((r) => r.elementId && (r.processId === process?.id || (file !== undefined && r.file === file)))
        .map((r) => ({ elementId: r.elementId!, severity: r.severity })),
    [problemRows, process?.id, file],
  );
  useEffect(() => {
    if (state) void importDone.current.then(() => state.modeler.get<ProblemMarkers>('problemMarkers').show(markers));
  }, [state, markers]);

  // Gas badges of the process in front: its start (instance creation) and each task.
  const gasBadges = useMemo(() => {
    const startId = gasManifest?.processes.find((p) => p.id === process?.id)?.start.elementId;
    const gas = (n: number) => formatGas(n, language);
    return badgesOf(gasEstimate?.processes.find((p) => p.processId === process?.id), startId, language, (isStart, f) =>
      t('designer3.gas.badgeTitle', { what: t(isStart ? 'designer3.gas.creation' : 'designer3.gas.task'), median: gas(f.median), min: gas(f.min), max: gas(f.max), samples: f.samples }),
    );
  }, [gasEstimate, gasManifest, process?.id, language, t]);
  useEffect(() => {
    if (state) void importDone.current.then(() => state.modeler.get<GasBadges>('gasBadges').show(gasBadges, gasEstimating));
  }, [state, gasBadges, gasEstimating]);

  // Reveal requests from the Problems list wait for a running import.
  useEffect(() => {
    if (!state || !reveal || reveal.processId !== process?.id) return;
    void importDone.current.then(() => state.bridge.reveal(reveal.elementId));
  }, [state, reveal, process?.id]);

  // bpmn-js measures its container; a hidden or resized panel must tell it.
  useEffect(() => {
    const container = containerRef.current;
    if (!state || !container) return;
    const observer = new ResizeObserver(() => {
      if (container.offsetWidth > 0) canvasOf(state.modeler).resized();
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [state]);
  useEffect(() => {
    if (visible && state?.needsFit) state.needsFit = !fit(state.modeler, containerRef.current);
  }, [visible, state]);

  return (
    <div className="process-panel">
      <header className="panel-header">
        <h2>{t('process.title')}</h2>
        <ProcessTabs processes={processes} activeId={process?.id} />
        <div className="panel-header-spacer" />
        {laidOut && <span className="hint">{t('process.laidOut')}</span>}
        {importing && <span className="hint">{t('process.importing')}</span>}
        <button type="button" className="btn-toggle" data-testid="templates-open" disabled={!process} onClick={() => setTemplatesOpen(true)}>
          {t('templates.open')}
        </button>
        <button
          type="button"
          className={`btn-toggle${propertiesOpen ? ' is-active' : ''}`}
          data-testid="properties-toggle"
          aria-pressed={propertiesOpen}
          onClick={() => actions.designer.toggleProperties()}
        >
          {propertiesOpen ? t('designer.properties.hide') : t('designer.properties.show')}
        </button>
      </header>
      {!process && <p className="empty-note">{t('process.none')}</p>}
      <div className="process-body" ref={bodyRef}>
        <div className="bpmn-container" ref={containerRef} data-testid="bpmn-modeler" />
        {propertiesOpen && (
          <Splitter
            spec={PROPERTIES_SPLIT}
            fraction={propertiesFraction}
            onChange={setPropertiesFraction}
            containerRef={bodyRef}
            side="right"
            label={t('designer3.split.properties')}
            testId="properties-splitter"
          />
        )}
        <aside
          className="properties-container"
          ref={propertiesRef}
          style={{ width: `${propertiesFraction * 100}%` }}
          hidden={!propertiesOpen}
          data-testid="properties-panel"
          aria-label={t('designer.properties.title')}
        />
      </div>
      <GasSummary processId={process?.id} />
      {templatesOpen && (
        <TaskTemplatesDialog
          processId={process?.id}
          readElement={(id) => state?.modeler.get<{ get(id: string): { businessObject: BusinessObject } | undefined }>('elementRegistry').get(id)?.businessObject}
          onClose={() => setTemplatesOpen(false)}
        />
      )}
    </div>
  );
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface CanvasLike {
  resized(): void;
  viewbox(): Box & { scale: number; inner: Box; outer: { width: number; height: number } };
  viewbox(box: Box): void;
}

/** Room the palette takes on the left of the canvas, in screen pixels. */
const PALETTE_PX = 120;
const MARGIN_PX = 24;

function canvasOf(modeler: Modeler): CanvasLike {
  return modeler.get<CanvasLike>('canvas');
}

/**
 * Fits the diagram into the part of the panel the palette leaves free, never above 100 %.
 * Returns false when the panel is hidden (nothing to measure).
 */
function fit(modeler: Modeler, container: HTMLElement | null): boolean {
  if (!container || container.offsetWidth === 0) return false;
  const canvas = canvasOf(modeler);
  canvas.resized();
  const { inner, outer } = canvas.viewbox();
  if (inner.width === 0 || inner.height === 0) return true;
  const freeWidth = outer.width - PALETTE_PX - MARGIN_PX;
  const freeHeight = outer.height - 2 * MARGIN_PX;
  const scale = Math.min(1, freeWidth / inner.width, freeHeight / inner.height);
  canvas.viewbox({
    x: inner.x - (PALETTE_PX + (freeWidth - inner.width * scale) / 2) / scale,
    y: inner.y - (outer.height - inner.height * scale) / 2 / scale,
    width: outer.width / scale,
    height: outer.height / scale,
  });
  return true;
}
