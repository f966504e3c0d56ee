import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { defaultDisplayMode, type DisplayMode } from './display-mode.ts';

/** The display mode as the screens read and switch it (the session machine holds it; app.tsx provides it). */
export interface DisplayModeState extends DisplayMode {
  setElder: (elder: boolean) => void;
  setHighContrast: (highContrast: boolean) => void;
}

export const DisplayModeContext = createContext<DisplayModeState>({
  ...defaultDisplayMode,
  setElder: () => undefined,
  setHighContrast: () => undefined,
});

export function useDisplayMode(): DisplayModeState {
  return useContext(DisplayModeContext);
}
