/**
 * Hands the studio (store + actions) down through React context. Components read state with
 * `useStudio(selector)` using the module-level selectors in selectors.ts, and call actions from
 * `useStudioActions()`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Studio, StudioActions } from './create-studio-store.js';
import type { StudioState } from './store-types.js';

const StudioContext = createContext<Studio | null>(null);

export function StudioProvider({ studio, children }: { studio: Studio; children: ReactNode }) {
  return <StudioContext.Provider value={studio}>{children}</StudioContext.Provider>;
}

function useStudioContext(): Studio {
  const studio = useContext(StudioContext);
  if (!studio) throw new Error('useStudio must be used inside <StudioProvider>');
  return studio;
}

export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(useStudioContext().store, selector);
}

/** For selectors that return a fresh object or array of stable parts ({a, b} picks). */
export function useStudioShallow<T>(selector: (state: StudioState) => T): T {
  return useStore(useStudioContext().store, useShallow(selector));
}

export function useStudioActions(): StudioActions {
  return useStudioContext().actions;
}
