import type { DocumentMeta } from '../../shared/api';

// The line of facts under a document's title: who wrote it, when, where it was published, what
// kind of file it came from and how long it is.

const FORMAT_NAMES: Record<DocumentMeta['format'], string> = {
  text: 'Text',
  markdown: 'Markdown',
  html: 'Web page',
  docx: 'Word',
  pdf: 'PDF',
};

/** The facts shown in a document's header, in order, each once. */
export function documentFacts(doc: DocumentMeta, words: number): string[] {
  const meta = doc.metadata ?? {};
  return (
    [
      meta.byline,
      meta.published && formatDate(meta.published),
      meta.siteName,
      FORMAT_NAMES[doc.format],
      meta.pageCount && `${meta.pageCount} ${meta.pageCount === 1 ? 'page' : 'pages'}`,
      `${words.toLocaleString()} words`,
    ]
      .filter((f): f is string => typeof f === 'string' && f !== '')
      // A site that is its own byline ("Al Jazeera", "Al Jazeera") is named once.
      .filter((f, i, all) => all.findIndex((g) => g.toLowerCase() === f.toLowerCase()) === i)
  );
}

function formatDate(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}
