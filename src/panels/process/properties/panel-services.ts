/** The bpmn-js services the ChainFlow properties entries use, typed once. */
import type { BusinessObject } from './cf-model.js';

export interface Shape {
  id: string;
  type: string;
  businessObject: BusinessObject;
  source?: Shape;
  /** Connections ending here (sequence and message flows); set by diagram-js on shapes. */
  incoming?: Shape[];
}

export interface Modeling {
  updateProperties(element: Shape, properties: Record<string, unknown>): void;
  updateModdleProperties(element: Shape, moddleElement: BusinessObject, properties: Record<string, unknown>): void;
}

export interface CommandStack {
  execute(command: string, context: unknown): void;
}

export interface BpmnFactory {
  create(type: string, properties?: Record<string, unknown>): BusinessObject;
}

export type Translate = (template: string, replacements?: Record<string, string>) => string;

export interface Injector {
  get<T>(name: string): T;
}
