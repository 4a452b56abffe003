/**
 * The collaboration app itself, for the participant the store acts as: the status of the last
 * act, then two tabs: Work (the opened instance, start forms and work list, or the regulator's
 * view, and every instance) and Dashboards (per process). Rendered by the IDE's App panel and by
 * the exported standalone app (src/standalone), which frame it differently (participant switcher vs. sign-in); it reads only the session, audit
 * and deployment parts of the studio store.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppManifest } from '../../../generators/index.js';
import { selectActingParticipant } from '../../store/selectors.js';
import { regulatesOf } from '../../store/view-permissions.js';
import { useStudio } from '../../store/studio-context.js';
import { ActStatus } from './FieldForm.js';
import { Dashboard } from './Dashboard.js';
import { InstanceList } from './InstanceList.js';
import { InstanceView, type OpenInstance } from './InstanceView.js';
import { RegulatorSection } from './RegulatorSection.js';
import { regulatedManifest } from './regulated-processes.js';
import { StartSection } from './StartSection.js';
import { WorkList } from './WorkList.js';
import { isRegulator } from './work-list-filter.js';
import './app-runtime.css';

const TABS = ['work', 'dashboard'] as const;
type Tab = (typeof TABS)[number];

export function AppRuntime({ manifest }: { manifest: AppManifest }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('work');
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ work: null, dashboard: null });
  // arrow keys move between tabs (WAI-ARIA tabs pattern); Tab leaves the tab list
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next);
    tabs.current[next]?.focus();
  };
  const lastAct = useStudio((s) => (s.lastActKey ? s.acts[s.lastActKey] : undefined));
  const participant = useStudio(selectActingParticipant);
  const [opened, setOpened] = useState<OpenInstance>();
  const regulator = participant ? isRegulator(participant.roles, manifest.roles) : false;
  // a regulator sees only the processes it regulates (the workspace's links; none: every process)
  const regulates = useStudio((s) => (regulator ? regulatesOf(s, participant?.id) : undefined));
  const shown = useMemo(() => (regulator ? regulatedManifest(manifest, regulates) : manifest), [regulator, manifest, regulates]);
  return (
    <>
      {lastAct && (
        <div className="last-act">
          <ActStatus act={lastAct} testId="last-act" />
        </div>
      )}
      <div className="app-tabs" role="tablist" aria-label={t('appView.tabs.label')} onKeyDown={onTabKey}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => void (tabs.current[id] = el)}
            type="button"
            role="tab"
            id={`app-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`app-tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={`app-tab${tab === id ? ' is-active' : ''}`}
            data-testid={`app-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {t(`appView.tabs.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'dashboard' && (
        <div role="tabpanel" id="app-tabpanel-dashboard" aria-labelledby="app-tab-dashboard">
          <Dashboard manifest={shown} />
        </div>
      )}
      {tab === 'work' && (
        <div role="tabpanel" id="app-tabpanel-work" aria-labelledby="app-tab-work">
          {opened && (
            <InstanceView
              key={`${opened.processId}#${opened.instanceId}`}
              manifest={manifest}
              open={opened}
              onClose={() => setOpened(undefined)}
            />
          )}
          <div className="page-columns app-columns">
            <div>
              {regulator ? (
                <RegulatorSection manifest={shown} />
              ) : (
                <>
                  <StartSection manifest={manifest} />
                  <WorkList manifest={manifest} />
                </>
              )}
            </div>
            <InstanceList manifest={shown} opened={opened} onOpen={setOpened} />
          </div>
        </div>
      )}
    </>
  );
}
