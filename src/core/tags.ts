import type { Tag } from './model';

/** The four tags every workspace starts with; hotkeys 1–4 follow the toolbar order. */
export const BUILT_IN_TAGS: readonly Tag[] = [
  { id: 'claim', name: 'Claim', color: '#e8590c', hotkey: '1' },
  { id: 'quote', name: 'Quote', color: '#1c7ed6', hotkey: '2' },
  { id: 'location', name: 'Location', color: '#2f9e44', hotkey: '3' },
  { id: 'figure', name: 'Figure', color: '#ae3ec9', hotkey: '4' },
];

/** Finds the tag bound to a hotkey, if any. */
export function tagForHotkey(tags: readonly Tag[], key: string): Tag | undefined {
  return tags.find((t) => t.hotkey === key);
}

/** Lower-case letters, digits and dashes from any text, at most `max` long ('' when none). */
export function slug(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents go, letters stay: "Évaluation" -> "evaluation"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}

/** A tag id from its name: lower-case letters, digits and dashes, unique in the set. */
export function tagIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = slug(name, 32) || 'tag';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
