import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { findCommands } from '../command-search';
import { Keys } from './Keys';
import './command-palette.css';

/** A command as the palette lists it: the app's commands and one per tag. */
export interface PaletteCommand {
  key: string;
  title: string;
  group: string;
  keys: readonly string[];
  also?: string;
  /** False when it cannot run now (nothing selected, read-only): listed, dimmed, not run. */
  enabled: boolean;
  run(): void;
}

interface CommandPaletteProps {
  commands: readonly PaletteCommand[];
  onClose(): void;
}

/**
 * Every command, found by typing: a modal combobox over a list. Arrows choose, Enter runs,
 * Escape closes. The chosen command runs after the palette has closed and given the focus back,
 * so a command that moves the focus (search, details) keeps it.
 */
export function CommandPalette({ commands, onClose }: CommandPaletteProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const found = useMemo(() => findCommands(commands, query), [commands, query]);
  const current = found[Math.min(active, found.length - 1)];

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    list.current
      ?.querySelector('[aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  }, [current]);

  const run = (command: PaletteCommand | undefined) => {
    if (!command?.enabled) return;
    onClose();
    requestAnimationFrame(() => command.run());
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const n = found.length;
    if (e.key === 'ArrowDown') setActive((i) => (n ? (Math.min(i, n - 1) + 1) % n : 0));
    else if (e.key === 'ArrowUp') setActive((i) => (n ? (Math.min(i, n - 1) - 1 + n) % n : 0));
    else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'End' && e.ctrlKey) setActive(n - 1);
    else if (e.key === 'Enter') run(current);
    else return;
    e.preventDefault();
  };

  const optionId = (c: PaletteCommand) => `${listId}-${c.key}`;
  return (
    <dialog
      ref={dialog}
      className="command-palette"
      aria-label="Command palette"
      onCancel={onClose}
      onClick={(e) => {
        if (e.target === dialog.current) onClose(); // a click on the backdrop
      }}
    >
      <input
        type="text"
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        placeholder="Type a command…"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={list} id={listId} role="listbox" aria-label="Commands">
        {found.map((c) => (
          <li
            key={c.key}
            id={optionId(c)}
            role="option"
            aria-selected={c === current}
            aria-disabled={!c.enabled || undefined}
            onMouseMove={() => setActive(found.indexOf(c))}
            onClick={() => run(c)}
          >
            <span className="palette-group">{c.group}</span>
            <span className="palette-title">{c.title}</span>
            {c.keys.length > 0 && <Keys keys={c.keys} />}
          </li>
        ))}
      </ul>
      {found.length === 0 && <p className="palette-empty">No command matches “{query}”.</p>}
      <p className="palette-hint" aria-hidden="true">
        ↑↓ to choose · Enter to run · Esc to close
      </p>
    </dialog>
  );
}
