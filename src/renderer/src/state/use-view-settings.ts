import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ViewSettings } from '../view-settings';
import {
  applyViewSettings,
  loadViewSettings,
  onSystemThemeChange,
  saveViewSettings,
} from '../view-settings';

/** The view settings, kept and applied as they change; "system" follows the OS live. */
export function useViewSettings(): ViewSettingsHandle {
  const [settings, setSettings] = useState(loadViewSettings);

  useEffect(() => {
    applyViewSettings(settings);
    if (settings.theme !== 'system') return;
    return onSystemThemeChange(() => applyViewSettings(settings));
  }, [settings]);

  const change = useCallback((patch: Partial<ViewSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...patch };
      saveViewSettings(next);
      return next;
    });
  }, []);

  return [settings, change];
}

type ViewSettingsHandle = [ViewSettings, (patch: Partial<ViewSettings>) => void];

/** The view settings App keeps, shared by the View menu and the theme and text commands. */
export const ViewSettingsContext = createContext<ViewSettingsHandle | null>(null);

/** The shared view settings (App provides them). */
export function useSharedViewSettings(): ViewSettingsHandle {
  const shared = useContext(ViewSettingsContext);
  if (!shared) throw new Error('useSharedViewSettings needs a ViewSettingsContext');
  return shared;
}
