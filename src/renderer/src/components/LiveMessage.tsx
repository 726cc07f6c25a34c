import { useState } from 'react';

interface LiveCountProps {
  /** What is counted now (annotations, suggestions). */
  count: number;
  /** The sentence a screen reader says when the count changes (from `before` to `after`). */
  describe(before: number | null, after: number): string;
  /** Says the count as soon as shown, not only when it changes. */
  announceFirst?: boolean;
}

/**
 * A visually hidden polite live region that announces changes of a count ("Annotation added",
 * "3 suggestions") without reading the whole list again. Remount it (key) for a new scope.
 */
export function LiveCount({ count, describe, announceFirst = false }: LiveCountProps) {
  const [seen, setSeen] = useState<number | null>(announceFirst ? null : count);
  const [message, setMessage] = useState('');
  // Adjusting state while rendering, as React advises for values derived from a prop's change.
  if (count !== seen) {
    setSeen(count);
    setMessage(describe(seen, count));
  }
  return (
    <div className="visually-hidden" aria-live="polite">
      {message}
    </div>
  );
}

/** "1 annotation", "3 annotations". */
export const countOf = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
