import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef } from 'react';
import type { Ref } from 'react';
import type { OpenedDocument, Tag } from '../../../shared/api';
import type { Span } from '../state/use-gloss';
import { splitBlocks } from '../reader/blocks';
import { clearPainted, paintAnnotations } from '../reader/highlight-painter';
import { TextIndex } from '../reader/text-index';

/** What the rest of the UI may ask of the reader. */
export interface ReaderHandle {
  /** The current text selection as canonical-text offsets, or null when none is in the reader. */
  selectionSpan(): Span | null;
  clearSelection(): void;
  /** Scrolls an annotation into view. */
  reveal(annotationId: string): void;
}

interface ReaderProps {
  opened: OpenedDocument;
  tags: readonly Tag[];
  selectedId: string | null;
  onSelectAnnotation(id: string | null): void;
  handle: Ref<ReaderHandle>;
}

/** The document text, with annotations painted over it as CSS highlights. */
export function Reader({ opened, tags, selectedId, onSelectAnnotation, handle }: ReaderProps) {
  const { document: doc, text, annotations } = opened;
  const containerRef = useRef<HTMLDivElement>(null);
  const indexRef = useRef<TextIndex | null>(null);
  const blocks = useMemo(() => splitBlocks(text, doc.format === 'markdown'), [text, doc.format]);

  useLayoutEffect(() => {
    if (containerRef.current) indexRef.current = TextIndex.fromContainer(containerRef.current);
  }, [blocks]);

  useLayoutEffect(() => {
    if (indexRef.current) paintAnnotations(indexRef.current, annotations, tags, selectedId);
  }, [blocks, annotations, tags, selectedId]);

  useEffect(() => () => clearPainted(), []);

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
      reveal(annotationId) {
        const a = annotations.find((x) => x.id === annotationId);
        const block = a ? indexRef.current?.blockAt(a.start) : undefined;
        block?.element.scrollIntoView({ block: 'center', behavior: 'instant' });
      },
    }),
    [annotations],
  );

  // A click on highlighted text (without dragging a selection) selects its annotation.
  const onClick = (event: React.MouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    const index = indexRef.current;
    if (!caret || !index) return;
    const offset = index.offsetOf(caret.offsetNode, caret.offset);
    if (offset === null) return;
    const hit = annotations
      .filter((a) => a.start <= offset && offset < a.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    onSelectAnnotation(hit ? hit.id : null);
  };

  const words = useMemo(() => text.split(/\s+/).filter(Boolean).length, [text]);

  return (
    <article className="reader" aria-label="Reader">
      <header className="reader-meta">
        <span className="reader-source" title={doc.sourcePath ?? doc.sourceName}>
          {doc.sourceName}
        </span>
        <span>{words.toLocaleString()} words</span>
        <span>added {new Date(doc.added).toLocaleDateString()}</span>
      </header>
      <div
        className="reader-text"
        ref={containerRef}
        onClick={onClick}
        lang="und"
        aria-label="Document text"
        role="document"
      >
        {blocks.map((b) =>
          b.kind === 'heading' ? (
            <h2 key={b.start} data-start={b.start} dir="auto">
              {text.slice(b.start, b.end)}
            </h2>
          ) : (
            <p key={b.start} data-start={b.start} dir="auto">
              {text.slice(b.start, b.end)}
            </p>
          ),
        )}
      </div>
    </article>
  );
}
