import { memo } from 'react';
import type { ReactNode } from 'react';
import type { Block, Mark } from '../../../shared/api';

interface BlockViewProps {
  text: string;
  block: Block;
  /** The marks inside this block, in any order. */
  marks: readonly Mark[];
  /** The first line of a plain text that is also its title: shown as one. */
  lead?: boolean;
}

/**
 * One block of the reader: its element carries data-start, and its text nodes hold exactly the
 * canonical text of [start, end) in order — marks only wrap runs of it, so offsets stay exact.
 */
export const BlockView = memo(function BlockView({ text, block, marks, lead }: BlockViewProps) {
  const content = renderRuns(text, block, marks);
  const common = { 'data-start': block.start, dir: 'auto' as const };
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, block.level ?? 2));
      const Tag = `h${level}` as 'h1';
      return <Tag {...common}>{content}</Tag>;
    }
    case 'list-item':
      return (
        <p
          {...common}
          className={block.ordinal !== undefined ? 'list-item ordered' : 'list-item'}
          data-ordinal={block.ordinal}
          style={{ marginInlineStart: `${((block.level ?? 1) - 1) * 1.6}em` }}
        >
          {content}
        </p>
      );
    case 'quote':
      return <blockquote {...common}>{content}</blockquote>;
    case 'code':
      return <pre {...common}>{content}</pre>;
    case 'table-row':
      return (
        <div {...common} className="table-row">
          {content}
        </div>
      );
    default:
      return (
        <p {...common} className={lead ? 'lead-title' : undefined}>
          {content}
        </p>
      );
  }
});

/** Splits a block's text at mark boundaries and wraps each run in its marks' elements. */
function renderRuns(text: string, block: Block, marks: readonly Mark[]): ReactNode {
  if (marks.length === 0) return text.slice(block.start, block.end);
  const cuts = new Set([block.start, block.end]);
  for (const m of marks) {
    cuts.add(Math.max(block.start, m.start));
    cuts.add(Math.min(block.end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: ReactNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (to <= from) continue;
    let node: ReactNode = text.slice(from, to);
    for (const m of marks) {
      if (m.start <= from && to <= m.end) node = wrap(m, node, from);
    }
    runs.push(node);
  }
  return runs;
}

function wrap(mark: Mark, child: ReactNode, key: number): ReactNode {
  switch (mark.kind) {
    case 'emphasis':
      return <em key={key}>{child}</em>;
    case 'strong':
      return <strong key={key}>{child}</strong>;
    case 'code':
      return <code key={key}>{child}</code>;
    case 'link':
      // Links are shown, never followed by a click: documents are data. Ctrl/Cmd+click asks to
      // open an http(s) one in the system browser (Reader, api/client openLink).
      return (
        <span key={key} className="link" title={mark.href} data-href={mark.href}>
          {child}
        </span>
      );
  }
}
