import { useEffect, useId, useRef, useState } from 'react';
import type { LineWidth, ThemeChoice } from '../view-settings';
import { stepTextSize, TEXT_SIZES } from '../view-settings';
import { useSharedViewSettings } from '../state/use-view-settings';
import './view-menu.css';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];
const WIDTHS: { value: LineWidth; label: string }[] = [
  { value: 'narrow', label: 'Narrow' },
  { value: 'medium', label: 'Medium' },
  { value: 'wide', label: 'Wide' },
];

/** The toolbar's "View" button and its popover: theme, reading size and line width. */
export function ViewMenu() {
  const [open, setOpen] = useState(false);
  const [settings, change] = useSharedViewSettings();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // A press anywhere else closes it, as menus do.
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div
      className="view-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation(); // Escape here closes the menu, it does not deselect
        close();
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((shown) => !shown)}
        title="Theme, text size and line width"
      >
        View
      </button>
      {open && (
        <div id={panelId} className="view-panel" role="dialog" aria-label="View settings">
          <Choices
            legend="Theme"
            name="theme"
            options={THEMES}
            value={settings.theme}
            onChange={(theme) => change({ theme })}
          />
          <fieldset className="view-field">
            <legend>Text size</legend>
            <div className="view-size">
              <button
                type="button"
                aria-label="Smaller text"
                disabled={settings.textSize <= TEXT_SIZES[0]}
                onClick={() => change({ textSize: stepTextSize(settings.textSize, -1) })}
              >
                A−
              </button>
              <output aria-live="polite">{settings.textSize} px</output>
              <button
                type="button"
                aria-label="Larger text"
                disabled={settings.textSize >= TEXT_SIZES[TEXT_SIZES.length - 1]!}
                onClick={() => change({ textSize: stepTextSize(settings.textSize, 1) })}
              >
                A+
              </button>
            </div>
          </fieldset>
          <Choices
            legend="Line width"
            name="line-width"
            options={WIDTHS}
            value={settings.lineWidth}
            onChange={(lineWidth) => change({ lineWidth })}
          />
        </div>
      )}
    </div>
  );
}

interface ChoicesProps<T extends string> {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T;
  onChange(value: T): void;
}

/** A segmented control made of native radios (arrow keys move between them). */
function Choices<T extends string>({ legend, name, options, value, onChange }: ChoicesProps<T>) {
  return (
    <fieldset className="view-field">
      <legend>{legend}</legend>
      <div className="view-choices">
        {options.map((o) => (
          <label key={o.value} className="view-choice">
            <input
              type="radio"
              name={`view-${name}`}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
