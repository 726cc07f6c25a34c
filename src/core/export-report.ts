import { CLAIM_STATUSES, detailsSummary } from './details';
import type { ExportInput, ExportSource } from './export-input';
import type { Annotation, Details } from './model';
import { pageAt } from './structure';

// The readable report, as Markdown or as a standalone printable HTML page. One document gives a
// report on it; none or several give a workspace report with a section per document. Either way:
// the annotations grouped by tag (in the workspace's tag order), then over all documents a table
// of figures, the places with their mentions, quotes grouped by speaker and claims by status.
//
// Both are built from the same model; only the rendering differs. All user text (titles, quotes,
// notes, details, metadata) is escaped for the output: in Markdown every character that could
// start markup is backslash-escaped so a quote cannot break the layout; in HTML every piece is
// entity-escaped, and the page carries a CSP that allows no scripts and no external resources.

const REPORT_NAME = 'Gloss report';
const WORKSPACE_TITLE = 'Workspace report';
const ORPHAN_NOTE = 'not found in the current text';

// ————————————————————————————————————————— the model ——————————————————————————————————————————

interface Entry {
  a: Annotation;
  doc: DocReport;
  /** The PDF page the quote starts on (orphans: none, their offsets are of an older text). */
  page?: number;
}

interface TagGroup {
  id: string;
  name: string;
  /** A checked #rrggbb, or none. */
  color?: string;
  entries: Entry[];
}

interface DocReport {
  /** 1-based, for anchors. */
  index: number;
  source: ExportSource;
  title: string;
  facts: [string, string][];
  entries: Entry[];
  byTag: TagGroup[];
}

interface PlaceRow {
  name: string;
  country: string;
  lat?: number;
  lon?: number;
  mentions: number;
  documents: string[];
}

interface Group {
  label: string;
  entries: Entry[];
}

interface ReportModel {
  /** True when the report is on one document. */
  single: boolean;
  title: string;
  facts: [string, string][];
  docs: DocReport[];
  figures: Entry[];
  places: PlaceRow[];
  speakers: Group[];
  claims: Group[];
}

function buildModel(input: ExportInput): ReportModel {
  const tagOrder = new Map(input.tags.map((t, i) => [t.id, i]));
  const exported = formatExported(input.exported);
  const single = input.documents.length === 1;
  const docs = input.documents.map((source, i): DocReport => {
    const doc: DocReport = {
      index: i + 1,
      source,
      title: source.meta.title,
      facts: [],
      entries: [],
      byTag: [],
    };
    doc.entries = source.annotations.map((a) => ({
      a,
      doc,
      page: a.orphan ? undefined : pageAt(source.pages, a.start),
    }));
    const md = source.meta.metadata ?? {};
    doc.facts = [
      ['Source', md.sourceUrl || source.meta.sourcePath || source.meta.sourceName],
      ['Site', md.siteName ?? ''],
      ['Byline', md.byline ?? ''],
      ['Published', md.published ? formatPublished(md.published) : ''],
      ['Pages', md.pageCount ? String(md.pageCount) : ''],
      ['Words', formatCount(countWords(source.text))],
      ['Annotations', formatCount(source.annotations.length)],
    ].filter((f): f is [string, string] => f[1] !== '');
    if (single) doc.facts.push(['Exported', exported]);

    const groups = new Map<string, TagGroup>();
    for (const e of doc.entries) {
      let g = groups.get(e.a.tag);
      if (!g) {
        const tag = input.tags.find((t) => t.id === e.a.tag);
        g = {
          id: e.a.tag,
          name: tag?.name ?? e.a.tag,
          color: tag && /^#[0-9a-fA-F]{6}$/.test(tag.color) ? tag.color : undefined,
          entries: [],
        };
        groups.set(e.a.tag, g);
      }
      g.entries.push(e);
    }
    // Tags of the workspace first, in its order; tags it no longer has after, by first use.
    const rank = (id: string) => tagOrder.get(id) ?? input.tags.length;
    doc.byTag = [...groups.values()].sort((x, y) => rank(x.id) - rank(y.id));
    return doc;
  });

  const all = docs.flatMap((d) => d.entries);
  const annotationCount = all.length;
  return {
    single,
    title: single ? docs[0]!.title : WORKSPACE_TITLE,
    facts: single
      ? docs[0]!.facts
      : [
          ['Documents', formatCount(docs.length)],
          ['Annotations', formatCount(annotationCount)],
          ['Exported', exported],
        ],
    docs,
    figures: all.filter((e) => e.a.tag === 'figure'),
    places: placeRows(all.filter((e) => e.a.tag === 'location')),
    speakers: speakerGroups(all.filter((e) => e.a.tag === 'quote')),
    claims: claimGroups(all.filter((e) => e.a.tag === 'claim')),
  };
}

function placeRows(entries: readonly Entry[]): PlaceRow[] {
  const rows = new Map<string, PlaceRow>();
  for (const e of entries) {
    const name = text(e.a.details, 'name') || oneLine(e.a.quote);
    const country = text(e.a.details, 'country');
    const lat = num(e.a.details, 'lat');
    const lon = num(e.a.details, 'lon');
    const at = lat !== undefined && lon !== undefined ? `${lat.toFixed(3)},${lon.toFixed(3)}` : '';
    const key = `${name.toLowerCase()}|${country.toLowerCase()}|${at}`;
    let row = rows.get(key);
    if (!row) {
      row = { name, country, mentions: 0, documents: [] };
      if (at) Object.assign(row, { lat, lon });
      rows.set(key, row);
    }
    row.mentions++;
    if (!row.documents.includes(e.doc.title)) row.documents.push(e.doc.title);
  }
  return [...rows.values()].sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name));
}

function speakerGroups(entries: readonly Entry[]): Group[] {
  const groups = new Map<string, Group>();
  const unattributed: Group = { label: 'Unattributed', entries: [] };
  for (const e of entries) {
    const speaker = oneLine(text(e.a.details, 'speaker'));
    if (!speaker) {
      unattributed.entries.push(e);
      continue;
    }
    const key = speaker.toLowerCase();
    const group = groups.get(key) ?? { label: speaker, entries: [] };
    group.entries.push(e);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort(
    (x, y) => y.entries.length - x.entries.length || x.label.localeCompare(y.label),
  );
  return unattributed.entries.length ? [...sorted, unattributed] : sorted;
}

function claimGroups(entries: readonly Entry[]): Group[] {
  const groups = new Map<string, Group>(
    CLAIM_STATUSES.map((s) => [s, { label: capitalise(s), entries: [] }]),
  );
  for (const e of entries) {
    // No status is the default, unverified; a status Gloss does not know gets its own group.
    const status = oneLine(text(e.a.details, 'status')) || CLAIM_STATUSES[0];
    const group = groups.get(status) ?? { label: capitalise(status), entries: [] };
    group.entries.push(e);
    groups.set(status, group);
  }
  return [...groups.values()].filter((g) => g.entries.length > 0);
}

// ———————————————————————————————————————— formatting ——————————————————————————————————————————

function text(details: Details, key: string): string {
  const v = details[key];
  return v === undefined || v === null ? '' : String(v).trim();
}

function num(details: Details, key: string): number | undefined {
  const v = details[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function countWords(s: string): number {
  const word = /\S+/g;
  let n = 0;
  while (word.exec(s)) n++;
  return n;
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function formatNumber(v: Details[string] | undefined): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'number'
    ? v.toLocaleString('en-US', { maximumFractionDigits: 6 })
    : String(v).trim();
}

/** "2026-11-25 10:00 UTC": the same wherever the report is built. */
function formatExported(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** An ISO date-time as its date; anything else as the source gave it. */
function formatPublished(s: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s.trim();
}

function figureValue(details: Details): string {
  const value = formatNumber(details['value']);
  const max = formatNumber(details['valueMax']);
  return value && max ? `${value}–${max}` : value || max;
}

function coordinates(row: PlaceRow): string {
  if (row.lat === undefined || row.lon === undefined) return '';
  const part = (v: number, pos: string, neg: string) =>
    `${Math.abs(v).toLocaleString('en-US', { maximumFractionDigits: 4 })}° ${v < 0 ? neg : pos}`;
  return `${part(row.lat, 'N', 'S')}, ${part(row.lon, 'E', 'W')}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Where an entry is: "p. 4", with the document's title when the report covers several. */
function where(e: Entry, withDocument: boolean): string {
  return [withDocument ? e.doc.title : '', e.page !== undefined ? `p. ${e.page}` : '']
    .filter(Boolean)
    .join(', ');
}

// ————————————————————————————————————————— Markdown ———————————————————————————————————————————

/** The report as Markdown (CommonMark with GFM tables). */
export function buildMarkdownReport(input: ExportInput): string {
  const model = buildModel(input);
  const out: string[] = [];
  const many = !model.single;
  out.push(`# ${mdInline(oneLine(model.title))}`, '', mdFacts(model.facts), '');

  if (model.docs.length === 0) {
    out.push('No documents to report.', '');
    return out.join('\n');
  }
  if (many) {
    out.push('## Documents', '');
    for (const d of model.docs)
      out.push(
        `${d.index}. ${mdInline(oneLine(d.title))} (${plural(d.entries.length, 'annotation')})`,
      );
    out.push('');
  }
  for (const d of model.docs) {
    if (many) out.push(`## ${mdInline(oneLine(d.title))}`, '', mdFacts(d.facts), '');
    else out.push('## Annotations', '');
    if (d.entries.length === 0) out.push('No annotations.', '');
    for (const g of d.byTag) {
      out.push(`### ${mdInline(oneLine(g.name))} (${g.entries.length})`, '');
      for (const e of g.entries) out.push(mdEntry(e, false, true), '');
    }
  }

  if (model.figures.length) {
    out.push('## Figures', '');
    const head = ['Quote', 'Value', 'Unit', 'Qualifier', 'Counted', ...(many ? ['Document'] : [])];
    out.push(`| ${head.join(' | ')} |`);
    out.push(`| ${head.map((h) => (h === 'Value' ? '---:' : '---')).join(' | ')} |`);
    for (const e of model.figures) {
      const cells = [
        e.a.quote,
        figureValue(e.a.details),
        text(e.a.details, 'unit'),
        text(e.a.details, 'qualifier'),
        text(e.a.details, 'counted'),
        ...(many ? [where(e, true)] : []),
      ];
      out.push(`| ${cells.map(mdCell).join(' | ')} |`);
    }
    out.push('');
  }
  if (model.places.length) {
    out.push('## Places', '');
    const head = ['Place', 'Country', 'Coordinates', 'Mentions', ...(many ? ['Documents'] : [])];
    out.push(`| ${head.join(' | ')} |`);
    out.push(`| ${head.map((h) => (h === 'Mentions' ? '---:' : '---')).join(' | ')} |`);
    for (const p of model.places) {
      const cells = [
        p.name,
        p.country,
        coordinates(p),
        String(p.mentions),
        ...(many ? [p.documents.join('; ')] : []),
      ];
      out.push(`| ${cells.map(mdCell).join(' | ')} |`);
    }
    out.push('');
  }
  if (model.speakers.length) {
    out.push('## Quotes by speaker', '');
    for (const g of model.speakers) {
      out.push(`### ${mdInline(g.label)} (${g.entries.length})`, '');
      for (const e of g.entries) out.push(mdEntry(e, many, false, ''), '');
    }
  }
  if (model.claims.length) {
    out.push('## Claims by status', '');
    for (const g of model.claims) {
      out.push(`### ${mdInline(g.label)} (${g.entries.length})`, '');
      for (const e of g.entries) {
        const claimant = text(e.a.details, 'claimant');
        out.push(mdEntry(e, many, true, claimant ? `by ${oneLine(claimant)}` : ''), '');
      }
    }
  }
  return out.join('\n');
}

/** One annotation as a list item: the quote, where it is, its details summary and its note. */
function mdEntry(e: Entry, withDocument: boolean, withNote: boolean, summary?: string): string {
  const indent = '  ';
  const place = [where(e, withDocument), e.a.orphan ? ORPHAN_NOTE : ''].filter(Boolean).join(' · ');
  const quote = mdText(e.a.quote, indent);
  // A quote that brings its own quotation marks is not wrapped in more.
  let item = `- ${/^["“”„«»‘’‚'‹›「『]/.test(e.a.quote.trim()) ? quote : `“${quote}”`}`;
  if (place) item += ` — ${mdInline(place)}`;
  const details = oneLine(summary ?? detailsSummary(e.a.tag, e.a.details));
  if (details) item += `\\\n${indent}*${mdInline(details)}*`;
  const note = e.a.note.trim();
  if (withNote && note) item += `\n\n${indent}${mdText(note, indent)}`;
  return item;
}

function mdFacts(facts: readonly [string, string][]): string {
  return facts.map(([k, v]) => `- **${k}:** ${mdInline(oneLine(v))}`).join('\n');
}

/**
 * User text of one or more lines inside a block indented by `indent`: each line escaped as the
 * start of a line, lines kept by hard breaks, blank lines as paragraph breaks (still in the block).
 */
function mdText(s: string, indent: string): string {
  const paragraphs = s
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .join('\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs
    .map((p) => p.split('\n').map(mdLine).join(`\\\n${indent}`))
    .join(`\n\n${indent}`);
}

/** One line of user text that may stand at the start of a line: no block markup can begin it. */
function mdLine(s: string): string {
  return mdInline(oneLine(s))
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** User text inside a line: every character that could open inline markup is escaped. */
function mdInline(s: string): string {
  return s.replace(/[\\`*_[\]<>|~&#!]/g, '\\$&');
}

/** A table cell (inline content, never a block): one line, `|` and inline markup escaped. */
function mdCell(s: string): string {
  return mdInline(oneLine(s));
}

// ——————————————————————————————————————————— HTML ————————————————————————————————————————————

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; padding: 2.5rem 1.5rem 4rem; max-width: 46rem;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  color: #1f2328; background: #fff;
}
h1, h2, h3 { line-height: 1.25; font-weight: 600; margin: 0; }
h1 { font-size: 1.9rem; margin: 0.2rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 0.9rem; padding-bottom: 0.3rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 0.6rem; }
.kicker { margin: 0; font-size: 0.78rem; letter-spacing: 0.08em; text-transform: uppercase; color: #656d76; }
.count { font-weight: 400; color: #656d76; font-size: 0.9em; }
.count::before { content: "("; } .count::after { content: ")"; }
.swatch { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 2px; margin-inline-end: 0.45em; background: currentColor; vertical-align: 0.02em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 1.2rem; font-size: 0.92rem; }
dl.facts dt { color: #656d76; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ol.contents { padding-left: 1.6rem; }
ol.contents a { color: inherit; }
.empty { color: #656d76; font-style: italic; }
ul.entries { list-style: none; padding: 0; margin: 0; }
ul.entries > li { margin: 0 0 1.1rem; break-inside: avoid; page-break-inside: avoid; }
blockquote.quote {
  margin: 0; padding: 0.05rem 0; padding-inline-start: 0.9rem; border-inline-start: 3px solid #d0d7de;
  font-family: Georgia, "Iowan Old Style", "Palatino Linotype", "Noto Serif", "Times New Roman", serif;
  font-size: 1.12rem; line-height: 1.5; white-space: pre-wrap; overflow-wrap: break-word;
}
.meta { margin: 0.25rem 0 0; font-size: 0.86rem; color: #656d76; padding-inline-start: 0.9rem; }
.meta .summary { color: #1f2328; font-style: italic; }
.note { margin: 0.3rem 0 0; padding-inline-start: 0.9rem; white-space: pre-wrap; overflow-wrap: break-word; font-size: 0.93rem; }
.orphan { font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 0.88rem; margin: 0 0 1rem; }
th, td { text-align: start; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid #d0d7de; }
th { font-weight: 600; border-bottom-width: 2px; }
td.coords { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.quote-cell { width: 32%; font-family: Georgia, "Iowan Old Style", "Noto Serif", "Times New Roman", serif; font-size: 1.08em; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  @page { margin: 2cm 1.8cm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .workspace section.document, .workspace section.summaries { break-before: page; page-break-before: always; }
  h2 { border-bottom-color: #999; }
  thead { display: table-header-group; }
  th, td { border-bottom-color: #bbb; }
  .kicker, .count, .meta, dl.facts dt, .empty { color: #444; }
  .meta .summary { color: #000; }
  ol.contents a { text-decoration: none; }
}
`;

/** The report as a standalone HTML page: no scripts, no external resources, printable. */
export function buildHtmlReport(input: ExportInput): string {
  const model = buildModel(input);
  const many = !model.single;
  const out: string[] = [];
  const pageTitle = model.single ? `${model.title} — ${REPORT_NAME}` : `${model.title} — Gloss`;
  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(oneLine(pageTitle))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body class="${many ? 'workspace' : 'single'}">`,
    '<header>',
    `<p class="kicker">${REPORT_NAME}</p>`,
    `<h1 dir="auto">${esc(oneLine(model.title))}</h1>`,
    htmlFacts(model.facts),
    '</header>',
  );

  if (model.docs.length === 0) {
    out.push('<p class="empty">No documents to report.</p>');
  } else if (many) {
    out.push('<nav aria-label="Documents">', '<h2>Documents</h2>', '<ol class="contents">');
    for (const d of model.docs)
      out.push(
        `<li><a href="#doc-${d.index}" dir="auto">${esc(oneLine(d.title))}</a> <span class="count">${esc(plural(d.entries.length, 'annotation'))}</span></li>`,
      );
    out.push('</ol>', '</nav>');
  }

  for (const d of model.docs) {
    out.push(`<section class="document" id="doc-${d.index}">`);
    if (many) out.push(`<h2 dir="auto">${esc(oneLine(d.title))}</h2>`, htmlFacts(d.facts));
    else out.push('<h2>Annotations</h2>');
    if (d.entries.length === 0) out.push('<p class="empty">No annotations.</p>');
    for (const g of d.byTag) {
      const swatch = g.color ? `<span class="swatch" style="color:${g.color}"></span>` : '';
      out.push(
        '<section class="tag">',
        `<h3>${swatch}<bdi>${esc(g.name)}</bdi> <span class="count">${g.entries.length}</span></h3>`,
        '<ul class="entries">',
        ...g.entries.map((e) => htmlEntry(e, false, true)),
        '</ul>',
        '</section>',
      );
    }
    out.push('</section>');
  }

  const summaries: string[] = [];
  if (model.figures.length) {
    const head = ['Quote', 'Value', 'Unit', 'Qualifier', 'Counted', ...(many ? ['Document'] : [])];
    summaries.push(
      '<section class="figures">',
      '<h2>Figures</h2>',
      '<table>',
      `<thead><tr>${head.map((h) => `<th${h === 'Value' ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>`,
      '<tbody>',
    );
    for (const e of model.figures) {
      const cells = [
        `<td class="quote-cell" dir="auto">${esc(oneLine(e.a.quote))}</td>`,
        `<td class="num">${esc(figureValue(e.a.details))}</td>`,
        `<td dir="auto">${esc(text(e.a.details, 'unit'))}</td>`,
        `<td>${esc(text(e.a.details, 'qualifier'))}</td>`,
        `<td dir="auto">${esc(oneLine(text(e.a.details, 'counted')))}</td>`,
        ...(many ? [`<td dir="auto">${esc(where(e, true))}</td>`] : []),
      ];
      summaries.push(`<tr>${cells.join('')}</tr>`);
    }
    summaries.push('</tbody>', '</table>', '</section>');
  }
  if (model.places.length) {
    const head = ['Place', 'Country', 'Coordinates', 'Mentions', ...(many ? ['Documents'] : [])];
    summaries.push(
      '<section class="places">',
      '<h2>Places</h2>',
      '<table>',
      `<thead><tr>${head.map((h) => `<th${h === 'Mentions' ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead>`,
      '<tbody>',
    );
    for (const p of model.places) {
      const cells = [
        `<td dir="auto">${esc(p.name)}</td>`,
        `<td dir="auto">${esc(p.country)}</td>`,
        `<td class="coords">${esc(coordinates(p))}</td>`,
        `<td class="num">${p.mentions}</td>`,
        ...(many
          ? [`<td dir="auto">${p.documents.map((t) => `<bdi>${esc(t)}</bdi>`).join('<br>')}</td>`]
          : []),
      ];
      summaries.push(`<tr>${cells.join('')}</tr>`);
    }
    summaries.push('</tbody>', '</table>', '</section>');
  }
  if (model.speakers.length) {
    summaries.push('<section class="speakers">', '<h2>Quotes by speaker</h2>');
    for (const g of model.speakers)
      summaries.push(
        `<h3><bdi>${esc(g.label)}</bdi> <span class="count">${g.entries.length}</span></h3>`,
        '<ul class="entries">',
        ...g.entries.map((e) => htmlEntry(e, many, false, '')),
        '</ul>',
      );
    summaries.push('</section>');
  }
  if (model.claims.length) {
    summaries.push('<section class="claims">', '<h2>Claims by status</h2>');
    for (const g of model.claims)
      summaries.push(
        `<h3>${esc(g.label)} <span class="count">${g.entries.length}</span></h3>`,
        '<ul class="entries">',
        ...g.entries.map((e) => {
          const claimant = oneLine(text(e.a.details, 'claimant'));
          return htmlEntry(e, many, true, claimant ? `by ${claimant}` : '');
        }),
        '</ul>',
      );
    summaries.push('</section>');
  }
  if (summaries.length) out.push('<section class="summaries">', ...summaries, '</section>');

  out.push('</body>', '</html>', '');
  return out.join('\n');
}

function htmlEntry(e: Entry, withDocument: boolean, withNote: boolean, summary?: string): string {
  const parts = [`<li><blockquote class="quote" dir="auto">${esc(e.a.quote.trim())}</blockquote>`];
  // One line under the quote: where it is, whether it was lost, its details ("over 210 km").
  const place = where(e, withDocument);
  const details = oneLine(summary ?? detailsSummary(e.a.tag, e.a.details));
  const meta = [
    place && `<bdi>${esc(place)}</bdi>`,
    e.a.orphan ? `<span class="orphan">${capitalise(ORPHAN_NOTE)}</span>` : '',
    details && `<bdi class="summary">${esc(details)}</bdi>`,
  ].filter(Boolean);
  if (meta.length) parts.push(`<p class="meta">${meta.join(' · ')}</p>`);
  const note = e.a.note.trim();
  if (withNote && note) parts.push(`<p class="note" dir="auto">${esc(note)}</p>`);
  parts.push('</li>');
  return parts.join('');
}

function htmlFacts(facts: readonly [string, string][]): string {
  const rows = facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd dir="auto">${esc(oneLine(v))}</dd>`);
  return `<dl class="facts">${rows.join('')}</dl>`;
}

/** Text as HTML: safe in element content and in quoted attribute values. */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
