/**
 * The parts every list of the consortium (participants, organizations, roles) is made of: a card
 * with a title and a table whose last column holds the row's actions, a remove button, and the
 * "name + Add" form under the table. Test ids keep their `<prefix>-…` shape: the e2e specs and
 * the users' muscle memory rely on them.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../generators/index.js';
import { selectWorkspace } from '../../store/selectors.js';
import { useStudio, useStudioActions } from '../../store/studio-context.js';

/** The open workspace and the edit that changes it (one undo step per call). */
export function useWorkspaceEdit(): [Workspace, (change: (ws: Workspace) => Workspace) => void] {
  const workspace = useStudio(selectWorkspace)!;
  const { workspace: actions } = useStudioActions();
  return [workspace, actions.edit];
}

export function ListSection(props: {
  testId: string;
  title: string;
  note?: string;
  columns: string[];
  before?: ReactNode;
  after?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid={props.testId}>
      <h2>{props.title}</h2>
      {props.note && <p className="card-note">{props.note}</p>}
      {props.before}
      <table className="table">
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
            <th aria-label={t('participants.actions')} />
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
      {props.after}
    </section>
  );
}

export function RemoveButton(props: { testId: string; disabled?: boolean; title?: string; onRemove(): void }) {
  const { t } = useTranslation();
  return (
    <td className="cell-actions">
      <button
        type="button"
        className="btn btn-small btn-ghost"
        data-testid={props.testId}
        disabled={props.disabled}
        title={props.title}
        onClick={props.onRemove}
      >
        {t('participants.remove')}
      </button>
    </td>
  );
}

/** A name field and an Add button (`<prefix>-add-name`, `<prefix>-add`); blank names are not added. */
export function AddByNameForm(props: { prefix: string; placeholder: string; onAdd(name: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    props.onAdd(name);
    setName('');
  };
  return (
    <form className="add-row" onSubmit={add}>
      <input
        data-testid={`${props.prefix}-add-name`}
        placeholder={props.placeholder}
        aria-label={props.placeholder}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="btn btn-small" data-testid={`${props.prefix}-add`} disabled={!name.trim()}>
        {t('participants.add')}
      </button>
    </form>
  );
}
