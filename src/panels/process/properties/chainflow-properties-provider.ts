/**
 * Properties provider for what ChainFlow adds to BPMN: the role of lanes, tasks, start events
 * and pools; the data fields of tasks and start events; the condition and default switch of
 * flows leaving an exclusive gateway. Registered after the BPMN provider, so its groups come
 * after "General" and "Documentation".
 */
import { ListGroup } from '@bpmn-io/properties-panel';
import { ConditionEntry, DefaultFlowEntry } from './condition-entries.js';
import { FIELD_WRITERS, ROLE_HOLDERS, isAny } from './cf-model.js';
import { fieldListProps } from './field-entries.js';
import type { Injector, Shape, Translate } from './panel-services.js';
import { RoleEntry, isRoleEdited } from './role-entry.js';
import { CalledElementEntry } from './called-element-entry.js';
import { multiInstanceEntries } from './multi-instance-entries.js';
import { payloadEntries } from './payload-entries.js';
import { carriesPayload } from './payload-settings.js';
import { SenderRoleEntry } from './sender-role-entry.js';
import { takesSenderRole } from './sender-settings.js';
import { templatesFor } from './task-templates.js';
import { TemplateEntry } from './template-entry.js';
import type { ChainflowTemplates } from './chainflow-templates.js';

interface PropertiesPanel {
  registerProvider(priority: number, provider: unknown): void;
}

interface Group {
  id: string;
  label: string;
  [key: string]: unknown;
}

export class ChainflowPropertiesProvider {
  static $inject = ['propertiesPanel', 'injector', 'translate'];

  constructor(propertiesPanel: PropertiesPanel, private readonly injector: Injector, private readonly translate: Translate) {
    propertiesPanel.registerProvider(500, this);
  }

  getGroups(element: Shape) {
    return (groups: Group[]): Group[] => {
      const bo = element.businessObject;
      if (!bo) return groups;
      const added: Group[] = [];
      const t = this.translate;
      // an empty pool (no process) has nothing to perform
      if (isAny(bo, ROLE_HOLDERS) && !(bo.$instanceOf('bpmn:Participant') && !bo.get('processRef'))) {
        added.push({ id: 'cf-role', label: t('Performer'), entries: [{ id: 'cf-role', component: RoleEntry, isEdited: isRoleEdited }] });
      }
      if (isAny(bo, FIELD_WRITERS) && !isTypedStart(bo)) {
        added.push({ id: 'cf-fields', label: t('Data fields'), component: ListGroup, ...fieldListProps(element, this.injector) });
      }
      if (bo.$instanceOf('bpmn:SequenceFlow') && element.source?.businessObject.$instanceOf('bpmn:ExclusiveGateway')) {
        added.push({
          id: 'cf-condition',
          label: t('Condition'),
          entries: [
            { id: 'cf-condition', component: ConditionEntry },
            { id: 'cf-default-flow', component: DefaultFlowEntry },
          ],
        });
      }
      if (carriesPayload(bo)) added.push({ id: 'cf-payload', label: t('Message payload'), entries: payloadEntries(element) });
      if (takesSenderRole(bo)) added.push({ id: 'cf-sender', label: t('Sender'), entries: [{ id: 'cf-sender-role', component: SenderRoleEntry }] });
      if (bo.$instanceOf('bpmn:CallActivity')) added.push({ id: 'cf-called', label: t('Called process'), entries: [{ id: 'cf-called-element', component: CalledElementEntry }] });
      // ours replaces bpmn-js's generic multi-instance group (free-text cardinality, no role, no checks)
      const mi = multiInstanceEntries(bo);
      if (mi.length) {
        const generic = groups.findIndex((g) => g.id === 'multiInstance');
        if (generic >= 0) groups.splice(generic, 1);
        added.push({ id: 'cf-multi-instance', label: t('Multi-instance'), entries: mi });
      }
      if (templatesFor(bo, this.injector.get<ChainflowTemplates>('chainflowTemplates').list()).length) added.push({ id: 'cf-template', label: t('Template'), entries: [{ id: 'cf-template', component: TemplateEntry }] });
      // right after "General", before documentation and the rest
      const general = groups.findIndex((g) => g.id === 'general');
      groups.splice(general + 1, 0, ...added);
      return groups;
    };
  }
}

const isTypedStart = (bo: Shape['businessObject']) =>
  bo.$instanceOf('bpmn:StartEvent') && ((bo.get('eventDefinitions') as unknown[] | undefined)?.length ?? 0) > 0;
