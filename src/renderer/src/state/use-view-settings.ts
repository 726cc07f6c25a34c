import { useCallback, useEffect, useState } from 'react';
import type { ViewSettings } from '../view-settings';
import {
  applyViewSettings,
  loadViewSettings,
  onSystemThemeChange,
  saveViewSettings,
} from '../view-settings';

/** The view settings, kept and applied as they change; "system" follows the OS live. */
export function useViewSettings(): [ViewSettings, (patch: Partial<ViewSettings>) => void] {
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
