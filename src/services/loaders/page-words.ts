// How the web-page rules count and compare text: words are runs of letters, digits and the
// underscore in any script (what the extraction benchmark counts, Python's `\w+`), and white
// space is collapsed as a browser shows it.

export function tokensOf(s: string): string[] {
  return s.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** The number of words of an element's text. */
export function wordCount(el: { readonly textContent: string | null }): number {
  return tokensOf(el.textContent ?? '').length;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
