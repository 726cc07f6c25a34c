import {
  Fragment,
  memo,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Ref } from 'react';
import type { Block, Mark, OpenedDocument, Tag } from '../../../shared/api';
import type { Span } from '../state/use-gloss';
import { openLink } from '../api/client';
import { BlockView } from '../reader/block-view';
import { AnnotationPainter, clearSuggestions, paintSuggestions } from '../reader/highlight-painter';
import { clearSearch, paintSearch } from '../reader/search-painter';
import { TextIndex } from '../reader/text-index';
import { chunkBlocks } from '../reader/chunks';
import { CursorPainter } from '../reader/cursor-painter';
import '../reader/reading-cursor.css';
import { mark } from '../perf-marks';
import {
  blockDirection,
  blockIndexAt,
  extend,
  nextStart,
  paragraphBounds,
  previousStart,
  snapOffset,
  spanOf,
  unitAt,
} from '../../../core/text-cursor';
import type { CursorUnit, TextSpan } from '../../../core/text-cursor';

/** What the rest of the UI may ask of the reader. */
export interface ReaderHandle {
  /** The current text selection as canonical-text offsets, or null when none is in the reader. */
  selectionSpan(): Span | null;
  clearSelection(): void;
  /** Scrolls an annotation into view. */
  reveal(annotationId: string): void;
  /** Scrolls a text offset into view. */
  revealOffset(offset: number): void;
  /** Focuses the text, where the keyboard reading cursor appears. */
  focus(): void;
  /** The keyboard reading cursor as text offsets (anchor stays, focus moves), or null. */
  cursor(): { anchor: number; focus: number } | null;
}

interface ReaderProps {
  opened: OpenedDocument;
  tags: readonly Tag[];
  selectedId: string | null;
  /** Passages "Suggest" proposes, underlined until accepted or rejected. */
  suggestions: readonly { start: number; end: number }[];
  /** Matches of the search, marked over everything; `searchCurrent` is the one shown last. */
  searchMatches?: readonly { start: number; end: number }[];
  searchCurrent?: { start: number; end: number } | null;
  onSelectAnnotation(id: string | null): void;
  handle: Ref<ReaderHandle>;
}

/** The document's text, laid out by block, with annotations painted over it as CSS highlights. */
export function Reader({
  opened,
  tags,
  selectedId,
  suggestions,
  searchMatches = NO_SPANS,
  searchCurrent = null,
  onSelectAnnotation,
  handle,
}: ReaderProps) {
  const { text, layout, annotations } = opened;
  const containerRef = useRef<HTMLDivElement>(null);
  const indexRef = useRef<TextIndex | null>(null);
  const painterRef = useRef<AnnotationPainter | null>(null);
  const blocks = layout.blocks;
  const marksByBlock = useMemo(() => groupMarks(layout.blocks, layout.marks), [layout]);
  const pageStarts = useMemo(() => firstBlockOfEachPage(layout.blocks), [layout]);
  // The keyboard reading cursor lives in refs and a CSS highlight: moving it never renders the
  // blocks again (a 2 MB document has thousands), only the tiny live region below.
  const cursorRef = useRef<Cursor | null>(null);
  const cursorPainterRef = useRef<CursorPainter | null>(null);
  const announcerRef = useRef<((message: string) => void) | null>(null);
  const pointerDownRef = useRef(false);

  useLayoutEffect(() => {
    if (!containerRef.current) return;
    indexRef.current = TextIndex.fromContainer(containerRef.current);
    painterRef.current?.clear();
    painterRef.current = new AnnotationPainter(indexRef.current);
    cursorPainterRef.current?.clear();
    cursorPainterRef.current = new CursorPainter(indexRef.current);
    const cursor = cursorRef.current;
    if (cursor?.shown) cursorPainterRef.current.paint(shownSpan(text, blocks, cursor));
  }, [blocks, text]);

  useLayoutEffect(() => {
    if (!painterRef.current) return;
    // Marks around painting, read by the scale benchmark (bench/scale); cheap and harmless.
    mark('gloss:paint-start');
    painterRef.current.paint(annotations, tags, selectedId);
    mark('gloss:painted');
  }, [blocks, annotations, tags, selectedId]);

  useLayoutEffect(() => {
    if (!indexRef.current) return;
    const painted = paintSuggestions(indexRef.current, suggestions);
    return () => clearSuggestions(painted);
  }, [blocks, suggestions]);

  useLayoutEffect(() => {
    if (!indexRef.current) return;
    const painted = paintSearch(indexRef.current, searchMatches, searchCurrent);
    return () => clearSearch(painted);
  }, [blocks, searchMatches, searchCurrent]);

  // Unmounting (another document opens) takes down this reader's highlights, not its successor's.
  useEffect(
    () => () => {
      painterRef.current?.clear();
      cursorPainterRef.current?.clear();
    },
    [],
  );

  /** Shows the cursor (its unit, or the selection it extends), in view, and says it. */
  const showCursor = (cursor: Cursor, say: boolean, scroll = true) => {
    cursorRef.current = cursor;
    cursor.shown = true;
    const index = indexRef.current;
    const container = containerRef.current;
    if (!index || !container) return;
    const extended = cursor.anchor !== cursor.focus;
    const selection = window.getSelection();
    let shown: TextSpan | null;
    if (extended) {
      // The real selection: what the tag hotkeys (App) tag.
      const a = index.position(cursor.anchor);
      const f = index.position(cursor.focus);
      if (a && f) selection?.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
      cursorPainterRef.current?.paint(null);
      const forward = cursor.focus > cursor.anchor;
      shown = forward
        ? { start: Math.max(cursor.anchor, cursor.focus - 1), end: cursor.focus }
        : { start: cursor.focus, end: Math.min(cursor.anchor, cursor.focus + 1) };
    } else {
      if (selection && !selection.isCollapsed && container.contains(selection.anchorNode))
        selection.removeAllRanges();
      shown = shownSpan(text, blocks, cursor);
      cursorPainterRef.current?.paint(shown);
    }
    if (shown && scroll) scrollSpanIntoView(container, index, shown);
    if (!say) return;
    const span = extended ? spanOf(cursor) : shown;
    const words = span ? text.slice(span.start, span.end).trim() : '';
    announcerRef.current?.(extended ? `Selected: ${truncate(words)}` : truncate(words));
  };

  /** The cursor, made when first needed: at the reader's selection, else the first block in view. */
  const currentCursor = (): Cursor | null => {
    const index = indexRef.current;
    const container = containerRef.current;
    if (!index || !container || blocks.length === 0) return null;
    // A selection made since (a mouse drag) is where Shift+arrows go on from; one taken away
    // since (a click elsewhere) leaves the cursor collapsed at its focus.
    const fromSelection = selectionCursor(container, index);
    const known = cursorRef.current;
    if (fromSelection) {
      if (known && known.anchor === fromSelection.anchor && known.focus === fromSelection.focus)
        return known;
      return { ...fromSelection, unit: known?.unit ?? 'word', shown: known?.shown ?? false };
    }
    if (known) {
      return known.anchor === known.focus ? known : { ...known, anchor: known.focus };
    }
    const at = blocks[firstBlockInView(container, index, blocks)]!.start;
    return { anchor: at, focus: at, unit: 'word', shown: false };
  };

  const onFocus = (event: React.FocusEvent) => {
    if (event.target !== containerRef.current) return;
    // A click places the cursor where it lands (onClick); Tab shows it at once.
    if (pointerDownRef.current) {
      pointerDownRef.current = false;
      return;
    }
    let cursor = currentCursor();
    const index = indexRef.current;
    const container = containerRef.current;
    // Back after scrolling elsewhere: a collapsed cursor out of sight restarts at the view.
    if (cursor && index && container && cursor.anchor === cursor.focus) {
      const shown = shownSpan(text, blocks, cursor);
      if (!shown || !spanInView(container, index, shown)) {
        const at = blocks[firstBlockInView(container, index, blocks)]!.start;
        cursor = { anchor: at, focus: at, unit: 'word', shown: false };
      }
    }
    if (cursor) showCursor(cursor, true);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.target !== containerRef.current || event.altKey || event.metaKey) return;
    const move = cursorMove(event.key, event.ctrlKey, event.shiftKey);
    if (!move) return;
    const cursor = currentCursor();
    if (!cursor) return;
    if (move.kind === 'collapse') {
      // Escape with nothing to collapse is the app's (deselect, close).
      if (cursor.anchor === cursor.focus) return;
      event.preventDefault();
      event.stopPropagation();
      showCursor({ ...cursor, anchor: cursor.focus }, true);
      return;
    }
    event.preventDefault();
    const { anchor, focus } = cursor;
    let forward = move.forward;
    // Left and right follow the block's direction: in Arabic, left reads on.
    if (
      move.horizontal &&
      blockDirection(text, blocks[Math.max(0, blockIndexAt(blocks, focus))]!) === 'rtl'
    )
      forward = !forward;
    let next: Cursor;
    if (move.kind === 'edge') {
      const bounds = paragraphBounds(text, blocks, focus);
      if (!bounds) return;
      const to = forward ? bounds.end : bounds.start;
      next = move.extend
        ? { anchor, focus: to, unit: cursor.unit, shown: true }
        : { anchor: to, focus: to, unit: 'word', shown: true };
    } else if (move.extend) {
      const moved = extend(text, blocks, cursor, move.unit, forward ? 'forward' : 'backward');
      next = { ...moved, unit: cursor.unit, shown: true };
    } else {
      const to =
        (forward
          ? nextStart(text, blocks, focus, move.unit)
          : previousStart(text, blocks, focus, move.unit)) ?? focus;
      const unit = move.unit === 'word' ? 'word' : 'sentence';
      next = { anchor: to, focus: to, unit, shown: true };
    }
    showCursor(next, true);
  };

  useImperativeHandle(
    handle,
    () => ({
      selectionSpan() {
        const selection = window.getSelection();
        const index = indexRef.current;
        if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !index)
          return null;
        const range = selection.getRangeAt(0);
        const container = containerRef.current;
        if (!container?.contains(range.commonAncestorContainer)) return null;
        const start = index.offsetOf(range.startContainer, range.startOffset);
        const end = index.offsetOf(range.endContainer, range.endOffset);
        return start === null || end === null || end <= start ? null : { start, end };
      },
      clearSelection() {
        window.getSelection()?.removeAllRanges();
        // The cursor stays, collapsed at the end of what was selected (and tagged).
        const cursor = cursorRef.current;
        if (!cursor || cursor.anchor === cursor.focus) return;
        const end = spanOf(cursor).end;
        const collapsed: Cursor = { ...cursor, anchor: end, focus: end };
        cursorRef.current = collapsed;
        if (cursor.shown) cursorPainterRef.current?.paint(shownSpan(text, blocks, collapsed));
      },
      focus() {
        // Without scrolling: the cursor appears on the first block in view (onFocus).
        containerRef.current?.focus({ preventScroll: true });
      },
      cursor() {
        const cursor = cursorRef.current;
        return cursor ? { anchor: cursor.anchor, focus: cursor.focus } : null;
      },
      revealOffset(offset) {
        indexRef.current?.blockAt(offset)?.scrollIntoView({ block: 'center', behavior: 'instant' });
      },
      reveal(annotationId) {
        const a = annotations.find((x) => x.id === annotationId && !x.orphan);
        const block = a ? indexRef.current?.blockAt(a.start) : undefined;
        block?.scrollIntoView({ block: 'center', behavior: 'instant' });
      },
    }),
    [annotations, blocks, text],
  );

  // A click on highlighted text (without dragging a selection) selects its annotation.
  const onClick = (event: React.MouseEvent) => {
    pointerDownRef.current = false;
    // Ctrl/Cmd+click on a link asks to open it in the browser; a plain click never follows one.
    if (event.ctrlKey || event.metaKey) {
      const link = event.target instanceof Element ? event.target.closest('[data-href]') : null;
      if (link && containerRef.current?.contains(link)) {
        event.preventDefault();
        void openLink(link.getAttribute('data-href') ?? '');
        return;
      }
    }
    const selection = window.getSelection();
    const index = indexRef.current;
    const container = containerRef.current;
    if (selection && !selection.isCollapsed) {
      // A dragged selection: Shift+arrows go on from it.
      const dragged = container && index ? selectionCursor(container, index) : null;
      if (dragged) cursorRef.current = { ...dragged, shown: cursorRef.current?.shown ?? false };
      return;
    }
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    if (!caret || !index) return;
    const offset = index.offsetOf(caret.offsetNode, caret.offset);
    if (offset === null) return;
    // The reading cursor moves where the click lands; shown there if it was shown already.
    const at = snapOffset(text, offset);
    const placed: Cursor = { anchor: at, focus: at, unit: 'word', shown: false };
    if (cursorRef.current?.shown) showCursor(placed, false, false);
    else cursorRef.current = placed;
    const hit = annotations
      .filter((a) => !a.orphan && a.start <= offset && offset < a.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    onSelectAnnotation(hit ? hit.id : null);
  };

  return (
    <>
      <div
        className="reader-text"
        ref={containerRef}
        onClick={onClick}
        onMouseDown={() => (pointerDownRef.current = true)}
        onFocus={onFocus}
        onKeyDown={onKeyDown}
        tabIndex={0}
        aria-label="Document text"
        aria-describedby={CURSOR_HELP_ID}
        role="document"
      >
        <ReaderBlocks
          text={text}
          blocks={blocks}
          marksByBlock={marksByBlock}
          pageStarts={pageStarts}
          title={opened.document.title}
        />
      </div>
      <p id={CURSOR_HELP_ID} className="visually-hidden">
        Arrow keys move by word and sentence, Ctrl with Up or Down by paragraph; Shift extends the
        selection; a tag's number tags it.
      </p>
      <CursorAnnouncer sayRef={announcerRef} />
    </>
  );
}

const CURSOR_HELP_ID = 'reader-cursor-help';

/** The reading cursor: a selection (collapsed when anchor = focus) and the unit it shows. */
interface Cursor {
  anchor: number;
  focus: number;
  /** What a collapsed cursor shows and says: the word or the sentence it sits on. */
  unit: 'word' | 'sentence';
  /** Painted since the keyboard first used it (a click alone only places it). */
  shown: boolean;
}

type CursorMove =
  | { kind: 'move'; unit: CursorUnit; forward: boolean; extend: boolean; horizontal: boolean }
  | { kind: 'edge'; forward: boolean; extend: boolean; horizontal: false }
  | { kind: 'collapse' };

/** What a key press does to the cursor, or null for keys the reader leaves to the app. */
function cursorMove(key: string, ctrl: boolean, shift: boolean): CursorMove | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowLeft':
      if (ctrl) return null;
      return {
        kind: 'move',
        unit: 'word',
        forward: key === 'ArrowRight',
        extend: shift,
        horizontal: true,
      };
    case 'ArrowDown':
    case 'ArrowUp':
      return {
        kind: 'move',
        unit: ctrl ? 'paragraph' : 'sentence',
        forward: key === 'ArrowDown',
        extend: shift,
        horizontal: false,
      };
    case 'Home':
    case 'End':
      if (ctrl) return null;
      return { kind: 'edge', forward: key === 'End', extend: shift, horizontal: false };
    case 'Escape':
      return ctrl || shift ? null : { kind: 'collapse' };
    default:
      return null;
  }
}

/** What a collapsed cursor paints: the word or sentence at it. */
function shownSpan(text: string, blocks: readonly Block[], cursor: Cursor): TextSpan | null {
  if (cursor.anchor !== cursor.focus) return null;
  return unitAt(text, blocks, cursor.focus, cursor.unit);
}

/** The reader's DOM selection as a cursor (anchor and focus kept), or null when none. */
function selectionCursor(container: HTMLElement, index: TextIndex): Cursor | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode)
    return null;
  if (!container.contains(selection.anchorNode) || !container.contains(selection.focusNode))
    return null;
  const anchor = index.offsetOf(selection.anchorNode, selection.anchorOffset);
  const focus = index.offsetOf(selection.focusNode, selection.focusOffset);
  if (anchor === null || focus === null || anchor === focus) return null;
  return { anchor, focus, unit: 'word', shown: false };
}

/** The index of the first block whose bottom is below the top of the visible reader. */
function firstBlockInView(
  container: HTMLElement,
  index: TextIndex,
  blocks: readonly Block[],
): number {
  const scroller = scrollParent(container);
  const top = scroller ? scroller.getBoundingClientRect().top + scrollPaddingTop(scroller) : 0;
  // Binary search: block bottoms grow down the page (a few layout reads, not thousands).
  let lo = 0;
  let hi = blocks.length - 1;
  let found = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const element = index.blockAt(blocks[mid]!.start);
    const bottom = element ? element.getBoundingClientRect().bottom : Infinity;
    if (bottom > top) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/** The nearest ancestor that scrolls vertically. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let e = element.parentElement; e; e = e.parentElement) {
    const overflow = getComputedStyle(e).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return e;
  }
  return null;
}

function scrollPaddingTop(scroller: HTMLElement): number {
  return parseFloat(getComputedStyle(scroller).scrollPaddingTop) || 0;
}

/** True when a span is painted within the visible part of the reader. */
function spanInView(container: HTMLElement, index: TextIndex, span: TextSpan): boolean {
  const fixed = index.range(span.start, span.end);
  const scroller = scrollParent(container);
  if (!fixed || !scroller) return true;
  const range = document.createRange();
  range.setStart(fixed.startContainer, fixed.startOffset);
  range.setEnd(fixed.endContainer, fixed.endOffset);
  const rect = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  return (
    rect.height > 0 && rect.bottom > view.top + scrollPaddingTop(scroller) && rect.top < view.bottom
  );
}

// Room kept between the cursor and the edges of the visible reader.
const SCROLL_MARGIN = 32;

/**
 * Scrolls as little as needed to show a span ("nearest"), below anything docked over the top
 * of the reader (scroll-padding-top); a span taller than the view shows its start.
 */
function scrollSpanIntoView(container: HTMLElement, index: TextIndex, span: TextSpan): void {
  const fixed = index.range(span.start, span.end);
  if (!fixed) return;
  const range = document.createRange();
  range.setStart(fixed.startContainer, fixed.startOffset);
  range.setEnd(fixed.endContainer, fixed.endOffset);
  let rect = range.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) {
    // Its chunk is skipped off screen (content-visibility): bring the block in first.
    index.blockAt(span.start)?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    rect = range.getBoundingClientRect();
  }
  const scroller = scrollParent(container);
  if (!scroller) return;
  const view = scroller.getBoundingClientRect();
  const top = view.top + scrollPaddingTop(scroller) + SCROLL_MARGIN;
  const bottom = view.bottom - SCROLL_MARGIN;
  if (rect.top < top) scroller.scrollTop += rect.top - top;
  else if (rect.bottom > bottom)
    scroller.scrollTop += Math.min(rect.bottom - bottom, rect.top - top);
}

const ANNOUNCE_LIMIT = 150;

function truncate(words: string): string {
  const flat = words.replace(/\s+/g, ' ');
  return flat.length <= ANNOUNCE_LIMIT ? flat : `${flat.slice(0, ANNOUNCE_LIMIT - 1).trimEnd()}…`;
}

/**
 * The polite live region saying where the cursor went. Its own state, so an announcement
 * renders this one element, never the reader's blocks.
 */
function CursorAnnouncer({
  sayRef,
}: {
  sayRef: React.RefObject<((message: string) => void) | null>;
}) {
  const [message, setMessage] = useState('');
  useEffect(() => {
    sayRef.current = setMessage;
    return () => {
      sayRef.current = null;
    };
  }, [sayRef]);
  return (
    <div className="visually-hidden reader-cursor-announcer" aria-live="polite">
      {message}
    </div>
  );
}

const NO_MARKS: readonly Mark[] = [];
const NO_SPANS: readonly { start: number; end: number }[] = [];

interface ReaderBlocksProps {
  text: string;
  blocks: readonly Block[];
  marksByBlock: ReadonlyMap<number, Mark[]>;
  pageStarts: ReadonlySet<number>;
  title: string;
}

/**
 * The text's blocks, rendered again only when the text or its layout changes: a change of
 * annotations (every keystroke that tags) must not walk a 2 MB document's thousands of blocks.
 */
const ReaderBlocks = memo(function ReaderBlocks({
  text,
  blocks,
  marksByBlock,
  pageStarts,
  title,
}: ReaderBlocksProps) {
  const chunks = useMemo(() => chunkBlocks(blocks, text), [blocks, text]);
  return chunks.map(({ from, to, height }) => (
    <div
      key={blocks[from]!.start}
      className="reader-chunk"
      style={{ containIntrinsicSize: `auto ${height}px` }}
    >
      {blocks.slice(from, to).map((b, k) => {
        const i = from + k;
        return (
          <Fragment key={b.start}>
            {pageStarts.has(i) && (
              <div className="page-label" aria-hidden="true">
                Page {b.page}
              </div>
            )}
            <BlockView
              text={text}
              block={b}
              marks={marksByBlock.get(i) ?? NO_MARKS}
              lead={i === 0 && b.kind === 'paragraph' && text.slice(b.start, b.end) === title}
            />
          </Fragment>
        );
      })}
    </div>
  ));
});

/** The marks of each block, by block index (marks never cross blocks). */
function groupMarks(blocks: readonly Block[], marks: readonly Mark[]): Map<number, Mark[]> {
  const out = new Map<number, Mark[]>();
  if (marks.length === 0) return out;
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  let bi = 0;
  for (const m of sorted) {
    while (bi < blocks.length && blocks[bi]!.end <= m.start) bi++;
    const block = blocks[bi];
    if (!block || block.start > m.start) continue;
    const list = out.get(bi) ?? [];
    list.push(m);
    out.set(bi, list);
  }
  return out;
}

/** Indexes of the blocks that open a new PDF page. */
function firstBlockOfEachPage(blocks: readonly Block[]): Set<number> {
  const starts = new Set<number>();
  let page: number | undefined;
  blocks.forEach((b, i) => {
    if (b.page !== undefined && b.page !== page) starts.add(i);
    page = b.page;
  });
  return starts;
}
