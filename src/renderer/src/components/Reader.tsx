import {
  Fragment,
  memo,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
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
import { mark } from '../perf-marks';

/** What the rest of the UI may ask of the reader. */
export interface ReaderHandle {
  /** The current text selection as canonical-text offsets, or null when none is in the reader. */
  selectionSpan(): Span | null;
  clearSelection(): void;
  /** Scrolls an annotation into view. */
  reveal(annotationId: string): void;
  /** Scrolls a text offset into view. */
  revealOffset(offset: number): void;
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

  useLayoutEffect(() => {
    if (!containerRef.current) return;
    indexRef.current = TextIndex.fromContainer(containerRef.current);
    painterRef.current?.clear();
    painterRef.current = new AnnotationPainter(indexRef.current);
  }, [blocks]);

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
  useEffect(() => () => painterRef.current?.clear(), []);

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
    [annotations],
  );

  // A click on highlighted text (without dragging a selection) selects its annotation.
  const onClick = (event: React.MouseEvent) => {
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
    if (selection && !selection.isCollapsed) return;
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    const index = indexRef.current;
    if (!caret || !index) return;
    const offset = index.offsetOf(caret.offsetNode, caret.offset);
    if (offset === null) return;
    const hit = annotations
      .filter((a) => !a.orphan && a.start <= offset && offset < a.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    onSelectAnnotation(hit ? hit.id : null);
  };

  return (
    <div
      className="reader-text"
      ref={containerRef}
      onClick={onClick}
      aria-label="Document text"
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
