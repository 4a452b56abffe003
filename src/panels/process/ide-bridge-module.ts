/**
 * bpmn-js module connecting the modeler to the IDE: after each change (through the command
 * stack, so undo/redo count too) it exports the XML, debounced, and hands it to
 * `config.ideBridge.onXmlChange` together with the document it belongs to; it reports the
 * selected element (for the Code panel); and it reveals (selects and scrolls to) an element by id.
 */
export interface IdeBridgeConfig {
  onXmlChange(documentId: string, xml: string): void;
  onSaveError?(documentId: string, error: unknown): void;
  /** The one selected element (undefined: none, or several) after each selection change. */
  onSelectionChange?(documentId: string, elementId: string | undefined): void;
  debounceMs?: number;
}

interface EventBus {
  on(event: string, listener: (event: { trigger?: string; newSelection?: { id: string; businessObject?: { id?: string } }[] }) => void): void;
}
interface SaveXml {
  saveXML(options: { format: boolean }): Promise<{ xml?: string }>;
}
interface ElementRegistry {
  get(id: string): object | undefined;
}
interface Selection {
  select(element: object): void;
}
interface Canvas {
  scrollToElement(element: object, padding?: number): void;
}

export class IdeBridge {
  static $inject = ['eventBus', 'bpmnjs', 'elementRegistry', 'selection', 'canvas', 'config.ideBridge'];

  private documentId: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    eventBus: EventBus,
    private readonly bpmnjs: SaveXml,
    private readonly elementRegistry: ElementRegistry,
    private readonly selection: Selection,
    private readonly canvas: Canvas,
    private readonly config: IdeBridgeConfig,
  ) {
    eventBus.on('commandStack.changed', (event) => {
      // 'clear' comes from importing a document, which is not an edit
      if (event.trigger !== 'clear') this.schedule();
    });
    eventBus.on('selection.changed', (event) => {
      const selected = event.newSelection ?? [];
      // a label stands for the element it labels: both share the business object
      const id = selected.length === 1 ? (selected[0].businessObject?.id ?? selected[0].id) : undefined;
      if (this.documentId !== undefined) this.config.onSelectionChange?.(this.documentId, id);
    });
  }

  /** Names the document now in the modeler; pending changes of the previous one are saved first. */
  setDocument(documentId: string): void {
    this.flush();
    this.documentId = documentId;
  }

  /** Exports a pending change now (before switching documents or closing). */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.save();
  }

  /** Selects the element and scrolls it into view; false when there is no such element. */
  reveal(elementId: string): boolean {
    const element = this.elementRegistry.get(elementId);
    if (!element) return false;
    this.selection.select(element);
    this.canvas.scrollToElement(element, 80);
    return true;
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, this.config.debounceMs ?? 300);
  }

  private save(): void {
    const documentId = this.documentId;
    if (documentId === undefined) return;
    // saveXML reads the definitions synchronously, so a document imported right after is not mixed in
    this.bpmnjs.saveXML({ format: true }).then(
      ({ xml }) => xml && this.config.onXmlChange(documentId, xml),
      (error: unknown) => this.config.onSaveError?.(documentId, error),
    );
  }
}

export const ideBridgeModule = {
  __init__: ['ideBridge'],
  ideBridge: ['type', IdeBridge],
};
