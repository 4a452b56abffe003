/** Top bar: workspaces, workspace name, save state, undo/redo, build state, keys' lock, language, Deploy. */
import { useTranslation } from 'react-i18next';
import { selectBuildStatus, selectLanguage, selectProblemCounts, selectSaveState, selectWorkspace } from '../store/selectors.js';
import { useStudio, useStudioActions, useStudioShallow } from '../store/studio-context.js';
import { LANGUAGES, type Language } from '../store/ui-slice.js';
import { UndoRedo } from '../panels/workspaces/UndoRedo.js';
import { WorkspacesDialog } from '../panels/workspaces/WorkspacesDialog.js';
import { Icon } from './Icon.js';
import { LockButton } from './KeysLock.js';
import { TextCell } from './TextCell.js';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

export function TopBar() {
  const { t } = useTranslation();
  const workspace = useStudio(selectWorkspace);
  const language = useStudio(selectLanguage);
  const actions = useStudioActions();

  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">ChainFlow Studio</span>
      </div>
      <WorkspacesButton />
      {workspace && (
        <TextCell
          className="workspace-name"
          data-testid="workspace-name"
          aria-label={t('topbar.workspaceName')}
          value={workspace.name}
          onCommit={(name) => actions.workspace.edit((ws) => ({ ...ws, name }))}
        />
      )}
      <SaveState />
      <UndoRedo />
      <div className="topbar-spacer" />
      <BuildStatus />
      <LockButton />
      <select
        className="language-switch"
        data-testid="language-switch"
        aria-label={t('topbar.language')}
        value={language}
        onChange={(e) => actions.ui.setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <DeployButton testId="topbar-deploy" />
    </header>
  );
}

function WorkspacesButton() {
  const { t } = useTranslation();
  const open = useStudio((s) => s.workspacesOpen);
  const { workspaces } = useStudioActions();
  return (
    <>
      <button type="button" className="btn btn-small btn-ghost" data-testid="workspaces-open" aria-haspopup="dialog" onClick={() => void workspaces.showDialog(true)}>
        {t('workspaces.open')}
      </button>
      {open && <WorkspacesDialog />}
    </>
  );
}

function SaveState() {
  const { t } = useTranslation();
  const state = useStudio(selectSaveState);
  const error = useStudio((s) => s.saveError);
  const status = useStudio((s) => s.workspaceStatus);
  if (status !== 'ready') return null;
  return (
    <span className={`save-state is-${state}`} data-testid="save-state" data-state={state} title={error}>
      {t(`topbar.save.${state}`)}
    </span>
  );
}

function BuildStatus() {
  const { t } = useTranslation();
  const status = useStudio(selectBuildStatus);
  const counts = useStudioShallow(selectProblemCounts);
  const elapsed = useStudio((s) => s.buildElapsedMs);
  const { ui } = useStudioActions();
  const label =
    status === 'failed'
      ? t('topbar.build.failed', { count: counts.errors })
      : status === 'ok' && elapsed !== undefined
        ? t('topbar.build.okIn', { ms: Math.round(elapsed) })
        : t(`topbar.build.${status}`);
  return (
    <button
      type="button"
      className={`build-status is-${status}`}
      data-testid="build-status"
      data-status={status}
      onClick={() => {
        ui.setView('design');
        ui.toggleProblems(true);
      }}
      title={t('topbar.build.showProblems')}
    >
      <Icon name={status === 'ok' ? 'check' : 'dot'} />
      {label}
    </button>
  );
}

export function DeployButton({ testId, className = 'btn btn-primary' }: { testId: string; className?: string }) {
  const { t } = useTranslation();
  const buildStatus = useStudio(selectBuildStatus);
  const hasManifest = useStudio((s) => Boolean(s.manifest));
  const deploying = useStudio((s) => s.deployStatus === 'deploying');
  const actions = useStudioActions();
  const ready = buildStatus === 'ok' && hasManifest;
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      disabled={!ready || deploying}
      title={ready ? undefined : t('deploy.notReady')}
      onClick={() => {
        actions.ui.setView('deploy');
        void actions.deploy.deploy();
      }}
    >
      <Icon name="deploy" />
      {deploying ? t('deploy.deploying') : t('deploy.deploy')}
    </button>
  );
}
