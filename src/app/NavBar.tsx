/** Left navigation. Process, Code and Problems live together in the design view. */
import { useTranslation } from 'react-i18next';
import { selectProblemCounts, selectView } from '../store/selectors.js';
import { useStudio, useStudioActions, useStudioShallow } from '../store/studio-context.js';
import type { View } from '../store/ui-slice.js';
import { Icon, type IconName } from './Icon.js';

interface NavItem {
  id: 'participants' | 'process' | 'code' | 'problems' | 'deploy' | 'app' | 'explorer';
  view: View;
  icon: IconName;
}

const ITEMS: NavItem[] = [
  { id: 'participants', view: 'participants', icon: 'people' },
  { id: 'process', view: 'design', icon: 'process' },
  { id: 'code', view: 'design', icon: 'code' },
  { id: 'problems', view: 'design', icon: 'problems' },
  { id: 'deploy', view: 'deploy', icon: 'deploy' },
  { id: 'app', view: 'app', icon: 'app' },
  { id: 'explorer', view: 'explorer', icon: 'explorer' },
];

export function NavBar() {
  const { t } = useTranslation();
  const view = useStudio(selectView);
  const problemsOpen = useStudio((s) => s.problemsOpen);
  const counts = useStudioShallow(selectProblemCounts);
  const { ui } = useStudioActions();

  const open = (item: NavItem) => {
    ui.setView(item.view);
    if (item.id === 'problems') ui.toggleProblems(true);
  };

  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {ITEMS.map((item) => {
        const active = view === item.view && (item.id !== 'problems' || problemsOpen);
        return (
          <button
            key={item.id}
            type="button"
            className={`nav-item${active ? ' is-active' : ''}`}
            aria-current={active ? 'page' : undefined}
            data-testid={`nav-${item.id}`}
            onClick={() => open(item)}
            title={t(`nav.${item.id}`)}
          >
            <Icon name={item.icon} />
            <span className="nav-label">{t(`nav.${item.id}`)}</span>
            {item.id === 'problems' && counts.errors + counts.warnings > 0 && (
              <span className={`nav-badge${counts.errors ? ' is-error' : ''}`} data-testid="nav-problems-count">
                {counts.errors + counts.warnings}
              </span>
            )}
          </button>
        );
      })}
    </nav>
  );
}
