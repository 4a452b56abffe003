/// <reference types="vite/client" />
/**
 * The designer bench's baseline (bench/designer.ts): a bare bpmn-js Modeler with bpmn-js's own
 * CSS and none of the IDE's modules, styles or panels, so the same diagram panned the same way
 * shows what bpmn-js and the browser cost by themselves. The bench hands it the XML.
 */
import Modeler from 'bpmn-js/lib/Modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';

const modeler = new Modeler({ container: document.getElementById('canvas')! });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Gives the canvas the IDE's place and size, imports the diagram and fits it; resolves to the number of import warnings. */
async function show(xml: string, box: Box): Promise<number> {
  const element = document.getElementById('canvas')!;
  Object.assign(element.style, { left: `${box.x}px`, top: `${box.y}px`, width: `${box.width}px`, height: `${box.height}px` });
  modeler.get<{ resized(): void }>('canvas').resized();
  const { warnings } = await modeler.importXML(xml);
  const canvas = modeler.get<{ zoom(to: string): void }>('canvas');
  canvas.zoom('fit-viewport');
  return warnings.length;
}

(window as unknown as { __bare: { show: typeof show } }).__bare = { show };
