/** A few 16px line icons, drawn inline so no icon font or request is needed. */
const PATHS = {
  people: 'M5.5 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM1 14c0-2.5 2-4.5 4.5-4.5S10 11.5 10 14M11 7.5a2 2 0 1 0 0-4M12 9.8c1.8.4 3 2 3 4.2',
  process: 'M1.5 6h3v4h-3zM11.5 6h3v4h-3zM4.5 8h2.5l1-2 1 2h2.5',
  code: 'M5.5 4 1.5 8l4 4M10.5 4l4 4-4 4M9 2.5l-2 11',
  problems: 'M8 1.5 15 14H1zM8 6v4M8 11.5v.5',
  deploy: 'M8 1.5v9M4.5 7 8 10.5 11.5 7M2 12.5v2h12v-2',
  app: 'M2 2.5h12v11H2zM2 5.5h12M5 8.5h6M5 11h4',
  check: 'M3 8.5 6.5 12 13 4.5',
  dot: 'M8 6.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z',
  explorer: 'M7 12.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM11 11l3.5 3.5M4.5 7h5M7 4.5v5',
  lock: 'M3.5 7.5h9v7h-9zM5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5',
  unlock: 'M3.5 7.5h9v7h-9zM5.5 7.5V5a2.5 2.5 0 0 1 5 0',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`icon ${className ?? ''}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
