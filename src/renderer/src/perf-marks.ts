// Performance marks read by the scale benchmark (bench/scale): when a document's text reaches
// the renderer, and around painting its highlights.

/** A performance mark that replaces the last one of its name, so marks never pile up. */
export function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}
