/** The palette: items dragged onto the canvas (HTML drag and drop; the canvas reads the kind). */
import { useTranslation } from 'react-i18next';
import { PALETTE_KINDS, type PaletteKind } from '../../store/consortium-edits.js';

export const PALETTE_MIME = 'application/x-chainflow-consortium';

export function Palette() {
  const { t } = useTranslation();
  const start = (kind: PaletteKind) => (e: React.DragEvent) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <aside className="cn-palette" aria-label={t('designer.consortium.palette.title')} data-testid="cn-palette">
      <p className="cn-palette-title">{t('designer.consortium.palette.title')}</p>
      {PALETTE_KINDS.map((kind) => (
        <div key={kind} className={`cn-palette-item is-${kind}`} draggable onDragStart={start(kind)} data-testid={`cn-palette-${kind}`} role="button" tabIndex={0}>
          {t([`designer.consortium.palette.${kind}`, `consortium2.palette.${kind}`])}
        </div>
      ))}
    </aside>
  );
}
