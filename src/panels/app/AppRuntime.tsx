/**
 * The collaboration app itself, for the participant the store acts as: the status of the last
 * act, the opened instance, start forms and work list (or the regulator's view), and every
 * instance. Rendered by the IDE's App panel and by the exported standalone app (src/standalone),
 * which frame it differently (participant switcher vs. sign-in); it reads only the session, audit
 * and deployment parts of the studio store.
 */
import { useState } from 'react';
import type { AppManifest } from '../../../generators/index.js';
import { selectActingParticipant } from '../../store/selectors.js';
import { useStudio } from '../../store/studio-context.js';
import { ActStatus } from './FieldForm.js';
import { InstanceList } from './InstanceList.js';
import { InstanceView, type OpenInstance } from './InstanceView.js';
import { RegulatorSection } from './RegulatorSection.js';
import { StartSection } from './StartSection.js';
import { WorkList } from './WorkList.js';
import { isRegulator } from './work-list-filter.js';

export function AppRuntime({ manifest }: { manifest: AppManifest }) {
  const lastAct = useStudio((s) => (s.lastActKey ? s.acts[s.lastActKey] : undefined));
  const participant = useStudio(selectActingParticipant);
  const [opened, setOpened] = useState<OpenInstance>();
  const regulator = participant ? isRegulator(participant.roles, manifest.roles) : false;
  return (
    <>
      {lastAct && (
        <div className="last-act">
          <ActStatus act={lastAct} testId="last-act" />
        </div>
      )}
      {opened && <InstanceView key={`${opened.processId}#${opened.instanceId}`} manifest={manifest} open={opened} onClose={() => setOpened(undefined)} />}
      <div className="page-columns app-columns">
        <div>
          {regulator ? (
            <RegulatorSection />
          ) : (
            <>
              <StartSection manifest={manifest} />
              <WorkList manifest={manifest} />
            </>
          )}
        </div>
        <InstanceList manifest={manifest} opened={opened} onOpen={setOpened} />
      </div>
    </>
  );
}
