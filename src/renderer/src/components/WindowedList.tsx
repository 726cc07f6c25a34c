import { useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

// Long lists (10,000 annotations) render only the rows in and near view, at a fixed row height,
// inside whatever scrolls them (the pane). Short lists render whole, with natural row heights.

/** Above this many rows, only the visible window is rendered. */
export const WINDOW_FROM = 300;
/** Rows drawn above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 12;

interface WindowedListProps<T> {
  items: readonly T[];
  /** Row height in px when windowed (rows are clamped to it by the `windowed` class). */
  rowHeight: number;
  label: string;
  className: string;
  keyOf(item: T): string;
  render(item: T): ReactNode;
}

/** The first and last row to render for a scroll position. */
export function visibleRows(
  listTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
): { start: number; end: number } {
  // In list coordinates: the view runs from -listTop to viewportHeight - listTop.
  const first = Math.floor(Math.max(0, -listTop) / rowHeight);
  const last = Math.ceil(Math.max(0, viewportHeight - listTop) / rowHeight);
  return {
    start: Math.max(0, first - OVERSCAN),
    end: Math.min(count, Math.max(first, last) + OVERSCAN),
  };
}

export function WindowedList<T>(props: WindowedListProps<T>) {
  const { items, rowHeight, label, className, keyOf, render } = props;
  const listRef = useRef<HTMLUListElement>(null);
  const windowed = items.length > WINDOW_FROM;
  const [range, setRange] = useState({ start: 0, end: Math.min(items.length, 60) });

  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = list?.closest<HTMLElement>('.pane');
    if (!windowed || !list || !scroller) return;
    const update = () => {
      const top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      const next = visibleRows(top, scroller.clientHeight, rowHeight, items.length);
      setRange((r) => (r.start === next.start && r.end === next.end ? r : next));
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', update);
      resized.disconnect();
    };
  }, [windowed, rowHeight, items.length]);

  if (!windowed)
    return (
      <ul aria-label={label} className={className}>
        {items.map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
    );
  const end = Math.min(range.end, items.length);
  const shown = items.slice(Math.min(range.start, end), end);
  return (
    <ul
      ref={listRef}
      aria-label={label}
      className={`${className} windowed`}
      style={
        {
          height: items.length * rowHeight,
          '--row-height': `${rowHeight}px`,
        } as React.CSSProperties
      }
    >
      {shown.map((item, i) => {
        const index = range.start + i;
        return (
          <li
            key={keyOf(item)}
            aria-setsize={items.length}
            aria-posinset={index + 1}
            style={{ top: index * rowHeight }}
          >
            {render(item)}
          </li>
        );
      })}
    </ul>
  );
}
