/**
 * The slice of bpmn-moddle's object model the generator reads. bpmn-moddle ships no useful
 * typings for element properties, so we name what we use here, in one place.
 */
export interface ModdleElement {
  $type: string;
  id: string;
  name?: string;
  get(name: string): unknown;
}

export interface BpmnDocumentation {
  text?: string;
}

export interface BpmnFlowNode extends ModdleElement {
  incoming?: BpmnSequenceFlow[];
  outgoing?: BpmnSequenceFlow[];
  documentation?: BpmnDocumentation[];
  extensionElements?: { values?: ModdleElement[] };
  eventDefinitions?: ModdleElement[];
  default?: BpmnSequenceFlow;
  loopCharacteristics?: ModdleElement;
  attachedToRef?: BpmnFlowNode;
  role?: string;
}

export interface BpmnSequenceFlow extends ModdleElement {
  sourceRef: BpmnFlowNode;
  targetRef: BpmnFlowNode;
  conditionExpression?: { body?: string; language?: string };
}

export interface BpmnLane extends ModdleElement {
  role?: string;
  flowNodeRef?: BpmnFlowNode[];
  childLaneSet?: { lanes?: BpmnLane[] };
}

export interface BpmnProcess extends ModdleElement {
  isExecutable?: boolean;
  flowElements?: (BpmnFlowNode | BpmnSequenceFlow)[];
  laneSets?: { lanes?: BpmnLane[] }[];
  artifacts?: ModdleElement[];
  documentation?: BpmnDocumentation[];
}

export interface BpmnParticipant extends ModdleElement {
  processRef?: BpmnProcess;
  role?: string;
}

export interface BpmnDefinitions extends ModdleElement {
  rootElements?: ModdleElement[];
  diagrams?: ModdleElement[];
}

export interface CfField extends ModdleElement {
  type?: string;
  label?: string;
  required?: boolean;
  /** decimal: number of decimals. */
  scale?: number;
  /** Shown beside the value, any type. */
  unit?: string;
  /** participant: only holders of this role (id or name). */
  role?: string;
  /** enum: `<cf:value>合格</cf:value>` children, in order. */
  values?: CfValue[];
}

/** One value of an enum field: `<cf:value>text</cf:value>`. */
export interface CfValue extends ModdleElement {
  value?: string;
}

/** `<cf:binds role="…" field="…" rebind="once|sameTask" />`: the element nominates who plays a role in the instance. */
export interface CfBinds extends ModdleElement {
  role?: string;
  field?: string;
  rebind?: string;
}
