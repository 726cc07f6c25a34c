// Finds commands by what the user types in the palette: every word typed must start a word of
// the command's title, group or extra words ("exp" finds Export…, "dark" finds Theme: dark),
// and commands whose title starts with the query come first.

export interface Searchable {
  title: string;
  group: string;
  also?: string;
}

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The commands matching the query, best first; all of them, in order, for an empty query. */
export function findCommands<T extends Searchable>(commands: readonly T[], query: string): T[] {
  const typed = words(query);
  if (typed.length === 0) return [...commands];
  const scored: { command: T; score: number; order: number }[] = [];
  commands.forEach((command, order) => {
    const title = words(command.title);
    const all = [...title, ...words(command.group), ...words(command.also ?? '')];
    if (!typed.every((t) => all.some((w) => w.startsWith(t)))) return;
    // Title words matched count most; a title that starts with the first word typed leads.
    const inTitle = typed.filter((t) => title.some((w) => w.startsWith(t))).length;
    const leads = title[0]?.startsWith(typed[0]!) ? 1 : 0;
    scored.push({ command, score: leads * 100 + inTitle, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.command);
}
