/** A readable title for a document: its first heading or line, else the file name. */
export function titleFor(text: string, fileName: string): string {
  const firstLine = text
    .split('\n')
    .map((l) => l.replace(/^#+\s*/, '').trim())
    .find((l) => l.length > 0);
  const fromFile = fileName.replace(/\.[^.]+$/, '').trim() || 'Untitled';
  const title = firstLine && firstLine.length <= 160 ? firstLine : fromFile;
  return title.slice(0, 500);
}
