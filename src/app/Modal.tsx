/** A modal dialog: a labelled box over a dimmed page; Escape cancels. */
import { useEffect, type ReactNode } from 'react';

export function Modal(props: { title: string; testId: string; onCancel?: () => void; children: ReactNode; mode?: string }) {
  const { onCancel } = props;
  useEffect(() => {
    if (!onCancel) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="modal-backdrop">
      <section className="modal" role="dialog" aria-modal="true" aria-label={props.title} data-testid={props.testId} data-mode={props.mode}>
        <h2>{props.title}</h2>
        {props.children}
      </section>
    </div>
  );
}
