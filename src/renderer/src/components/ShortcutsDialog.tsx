import { useEffect, useRef } from 'react';
import type { Tag } from '../../../shared/api';
import type { CommandGroup } from '../../../shared/commands';
import { COMMANDS } from '../../../shared/commands';
import { Keys } from './Keys';
import './command-palette.css';

/**
 * Keys that belong to one place rather than to a command: the reader, search, the details.
 * In a right-to-left paragraph ← goes on and → goes back, as the text reads.
 */
export const LOCAL_KEYS: readonly { place: string; keys: readonly [string, string][] }[] = [
  {
    place: 'Reading the text',
    keys: [
      ['Reach the text', 'Tab or Ctrl+J'],
      ['Next / previous word', '→ / ←'],
      ['Next sentence / start of this one', '↓ / ↑'],
      ['Next paragraph / start of this one', 'Ctrl+↓ / Ctrl+↑'],
      ['Start / end of the paragraph', 'Home / End'],
      ['Select by word', 'Shift+→ / Shift+←'],
      ['Select by sentence', 'Shift+↓ / Shift+↑'],
      ['Select by paragraph', 'Ctrl+Shift+↓ / Ctrl+Shift+↑'],
      ['Select to the paragraph’s start / end', 'Shift+Home / Shift+End'],
      ['Let go of the selection', 'Escape'],
    ],
  },
  {
    place: 'Search box',
    keys: [
      ['Choose a result', '↓ / ↑'],
      ['Show it, then the next', 'Enter'],
      ['Show the previous', 'Shift+Enter'],
      ['Close the search', 'Escape'],
    ],
  },
  {
    place: 'Note and details',
    keys: [['Back to the text (the note is saved)', 'Escape']],
  },
];

const GROUPS: readonly CommandGroup[] = ['File', 'Edit', 'Tag', 'Go', 'View', 'Help'];

interface ShortcutsDialogProps {
  tags: readonly Tag[];
  onClose(): void;
}

/** Every keyboard shortcut, in one dialog ("?"): the commands', the tags' and the local ones. */
export function ShortcutsDialog({ tags, onClose }: ShortcutsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const tagged = tags.filter((t) => t.hotkey);
  return (
    <dialog
      ref={ref}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onCancel={onClose}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="shortcuts-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
      <div className="shortcuts-body">
        {tagged.length > 0 && (
          <ShortcutTable
            title="Tag the selection"
            rows={tagged.map((t) => [t.name, <Keys key={t.id} keys={[t.hotkey!]} />])}
          />
        )}
        {GROUPS.map((group) => {
          const rows = COMMANDS.filter((c) => c.group === group && c.keys.length > 0);
          if (rows.length === 0) return null;
          return (
            <ShortcutTable
              key={group}
              title={group}
              rows={rows.map((c) => [c.title, <Keys key={c.id} keys={c.keys} />])}
            />
          );
        })}
        {LOCAL_KEYS.map(({ place, keys }) => (
          <ShortcutTable
            key={place}
            title={place}
            rows={keys.map(([what, combo]) => [what, <PairedKeys key={what} text={combo} />])}
          />
        ))}
      </div>
    </dialog>
  );
}

function ShortcutTable({ title, rows }: { title: string; rows: [string, React.ReactNode][] }) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <table>
        <tbody>
          {rows.map(([what, keys]) => (
            <tr key={what}>
              <th scope="row">{what}</th>
              <td>{keys}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "Shift+→ / Shift+←" as keys, the pair's halves apart ("Tab or Ctrl+J" likewise). */
function PairedKeys({ text }: { text: string }) {
  const parts = text.split(/ (\/|or) /);
  return (
    <span className="keys">
      {parts.map((part, i) =>
        i % 2 ? (
          <span key={i} className="key-or">
            {' '}
            {part}{' '}
          </span>
        ) : (
          part.split(/\+(?!$)/).map((k, j) => <kbd key={`${i}-${j}`}>{k}</kbd>)
        ),
      )}
    </span>
  );
}
