import { useEffect, useRef, useState } from 'react';
import type { Tag } from '../../../shared/api';

const HOTKEYS = ['', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const NEW_COLOURS = ['#0b7285', '#5f3dc4', '#c2255c', '#5c940d', '#e67700', '#495057'];

export interface TagEditorActions {
  create(tag: {
    name: string;
    color: string;
    hotkey: string | null;
    description?: string;
  }): Promise<boolean>;
  update(
    id: string,
    patch: { name?: string; color?: string; hotkey?: string | null; description?: string },
  ): void;
  move(id: string, to: number): void;
  /** How many annotations use a tag, to ask before deleting it. */
  uses(id: string): Promise<{ annotations: number; documents: number } | null>;
  remove(id: string, retagTo?: string): void;
}

interface TagEditorProps {
  tags: readonly Tag[];
  actions: TagEditorActions;
  onClose(): void;
}

/** The workspace's tags: add, rename, recolour, rebind, reorder and delete them. */
export function TagEditor({ tags, actions, onClose }: TagEditorProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [asking, setAsking] = useState<{ tag: Tag; annotations: number; documents: number } | null>(
    null,
  );
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const startDelete = async (tag: Tag) => {
    const uses = await actions.uses(tag.id);
    if (!uses) return;
    if (uses.annotations === 0) actions.remove(tag.id);
    else setAsking({ tag, ...uses });
  };

  return (
    <dialog ref={ref} className="tag-editor" aria-labelledby="tag-editor-title" onCancel={onClose}>
      <h2 id="tag-editor-title">Tags</h2>
      <ul className="tag-rows" aria-label="Tags">
        {tags.map((tag, i) => (
          <TagRow
            key={tag.id}
            tag={tag}
            first={i === 0}
            last={i === tags.length - 1}
            onUpdate={(patch) => actions.update(tag.id, patch)}
            onMove={(delta) => actions.move(tag.id, i + delta)}
            onDelete={() => void startDelete(tag)}
          />
        ))}
      </ul>
      {asking && (
        <DeleteQuestion
          key={asking.tag.id}
          {...asking}
          others={tags.filter((t) => t.id !== asking.tag.id)}
          onCancel={() => setAsking(null)}
          onDelete={(retagTo) => {
            setAsking(null);
            actions.remove(asking.tag.id, retagTo);
          }}
        />
      )}
      <NewTag tags={tags} onCreate={actions.create} />
      <div className="confirm-actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </dialog>
  );
}

interface TagRowProps {
  tag: Tag;
  first: boolean;
  last: boolean;
  onUpdate(patch: { name?: string; color?: string; hotkey?: string | null }): void;
  onMove(delta: number): void;
  onDelete(): void;
}

function TagRow({ tag, first, last, onUpdate, onMove, onDelete }: TagRowProps) {
  const [name, setName] = useState(tag.name);
  const [following, setFollowing] = useState(tag.name);
  if (following !== tag.name) {
    setFollowing(tag.name);
    setName(tag.name);
  }
  const commitName = () => {
    if (name.trim() && name.trim() !== tag.name) onUpdate({ name: name.trim() });
    else setName(tag.name);
  };
  return (
    <li className="tag-row">
      <input
        type="color"
        aria-label={`Colour of ${tag.name}`}
        value={tag.color}
        onChange={(e) => onUpdate({ color: e.target.value })}
      />
      <input
        type="text"
        aria-label={`Name of ${tag.name}`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={commitName}
        onKeyDown={(e) => e.key === 'Enter' && commitName()}
      />
      <select
        aria-label={`Hotkey of ${tag.name}`}
        value={tag.hotkey ?? ''}
        onChange={(e) => onUpdate({ hotkey: e.target.value || null })}
      >
        {HOTKEYS.map((k) => (
          <option key={k} value={k}>
            {k || 'none'}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-label={`Move ${tag.name} up`}
        disabled={first}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={`Move ${tag.name} down`}
        disabled={last}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button type="button" className="danger" aria-label={`Delete ${tag.name}`} onClick={onDelete}>
        Delete
      </button>
    </li>
  );
}

interface DeleteQuestionProps {
  tag: Tag;
  annotations: number;
  documents: number;
  others: readonly Tag[];
  onCancel(): void;
  onDelete(retagTo?: string): void;
}

/** Deleting a tag in use: its annotations take another tag, or go with it (both undoable). */
function DeleteQuestion({
  tag,
  annotations,
  documents,
  others,
  onCancel,
  onDelete,
}: DeleteQuestionProps) {
  const [retagTo, setRetagTo] = useState(others[0]?.id ?? '');
  return (
    <div className="delete-question" role="group" aria-label={`Delete ${tag.name}?`}>
      <p>
        “{tag.name}” is used by {annotations} {annotations === 1 ? 'annotation' : 'annotations'} in{' '}
        {documents} {documents === 1 ? 'document' : 'documents'}. What should happen to them? (Undo
        brings everything back.)
      </p>
      <div className="delete-choices">
        {others.length > 0 && (
          <>
            <label htmlFor="retag-to">Retag them as</label>
            <select id="retag-to" value={retagTo} onChange={(e) => setRetagTo(e.target.value)}>
              {others.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => onDelete(retagTo)}>
              Retag and delete
            </button>
          </>
        )}
        <button type="button" className="danger" onClick={() => onDelete()}>
          Delete them too
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function NewTag({
  tags,
  onCreate,
}: {
  tags: readonly Tag[];
  onCreate: TagEditorActions['create'];
}) {
  const free = HOTKEYS.filter((k) => k && !tags.some((t) => t.hotkey === k));
  const [name, setName] = useState('');
  const [color, setColor] = useState(NEW_COLOURS[tags.length % NEW_COLOURS.length]!);
  const [hotkey, setHotkey] = useState(free[0] ?? '');
  const add = async () => {
    if (!name.trim()) return;
    if (await onCreate({ name: name.trim(), color, hotkey: hotkey || null })) {
      setName('');
      setColor(NEW_COLOURS[(tags.length + 1) % NEW_COLOURS.length]!);
      setHotkey(free[1] ?? '');
    }
  };
  return (
    <form
      className="new-tag"
      aria-label="New tag"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <input
        type="color"
        aria-label="Colour of the new tag"
        value={color}
        onChange={(e) => setColor(e.target.value)}
      />
      <input
        type="text"
        aria-label="Name of the new tag"
        placeholder="New tag name"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <select
        aria-label="Hotkey of the new tag"
        value={hotkey}
        onChange={(e) => setHotkey(e.target.value)}
      >
        <option value="">none</option>
        {free.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!name.trim()}>
        Add tag
      </button>
    </form>
  );
}
