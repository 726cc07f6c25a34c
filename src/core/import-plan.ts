import { fromCodePointOffset } from './code-points';
import type { DocumentLayout } from './export-json';
import type { BundleAnnotation, BundleDocument, ImportBundle } from './import-bundle';
import type { Annotation, DocumentMeta, Tag } from './model';
import { createSelectors } from './selectors';
import { tagIdFor } from './tags';
import { commonPrefixLength, commonSuffixLength, occurrences } from './text-match';

// Deciding what an import does, before it does anything: which document each annotation
// belongs to, where it lands in that document's text, which ones are already here, which
// conflict with an edit made here, and which tags must be created. The services apply the
// plan in one step (and one undo), or nothing when the file is refused.

/** A document of the workspace, as the plan needs it. */
export interface PlanDocument {
  meta: DocumentMeta;
  text: string;
  annotations: readonly Annotation[];
}

export interface ImportPlan {
  /** New annotations, valid for their documents (orphans flagged). */
  additions: Annotation[];
  /** Tags the file uses that the workspace lacks, created with the import. */
  newTags: Tag[];
  /** Already here, unchanged: nothing to do. */
  skipped: number;
  /** Here with the same id but edited differently: kept as they are here, and named. */
  conflicts: string[];
  /** Added, but their passage was not found in the text: listed to re-attach. */
  orphans: number;
  /**
   * Documents the file carries (text and all) that the workspace lacks: created with the
   * import, once the services have checked each text against its hash.
   */
  newDocuments: { meta: DocumentMeta; text: string; layout?: DocumentLayout }[];
  /** Documents of the file that are not in this workspace: their annotations are not imported. */
  unmatched: { title: string; annotations: number }[];
  /** Annotations Gloss cannot hold (a whole document as target, no passage): one line each kind. */
  notes: string[];
}

/** What a plan needs besides the file and the workspace. */
export interface PlanOptions {
  now: Date;
  /** An id for a created document whose own id is taken. */
  newId(): string;
}

/** Colours for tags an import creates, in order of use. */
const NEW_TAG_COLORS = ['#0c8599', '#f08c00', '#5c940d', '#862e9c', '#c2255c', '#364fc7'];

export function planImport(
  bundle: ImportBundle,
  workspace: readonly PlanDocument[],
  tags: readonly Tag[],
  options: PlanOptions,
): ImportPlan {
  const plan: ImportPlan = {
    additions: [],
    newTags: [],
    skipped: 0,
    conflicts: [],
    orphans: 0,
    newDocuments: [],
    unmatched: [],
    notes: [],
  };
  const stamp = options.now.toISOString();
  const documents = [...workspace];
  let wholeDocument = 0;
  const resolveTag = tagResolver(tags, plan.newTags);

  const existing = new Map<string, { annotation: Annotation; title: string }>();
  for (const d of documents)
    for (const a of d.annotations) existing.set(a.id, { annotation: a, title: d.meta.title });
  const seen = new Set<string>();

  const byDocument = new Map<string, BundleAnnotation[]>();
  for (const a of bundle.annotations) {
    const list = byDocument.get(a.documentKey) ?? [];
    list.push(a);
    byDocument.set(a.documentKey, list);
  }

  for (const source of bundle.documents) {
    const incoming = byDocument.get(source.key) ?? [];
    if (incoming.length === 0) continue;
    const target = matchDocument(source, documents) ?? created(source, documents, plan, options);
    if (!target) {
      plan.unmatched.push({
        title: source.title ?? source.sourceName ?? source.key,
        annotations: incoming.length,
      });
      continue;
    }
    for (const a of incoming) {
      if (seen.has(a.id)) continue; // a file that repeats an id: the first one counts
      seen.add(a.id);
      const here = existing.get(a.id);
      const span = place(a, target.text);
      if (!span && !a.quote) {
        wholeDocument++;
        continue;
      }
      if (here) {
        const same =
          here.annotation.documentId === target.meta.id &&
          here.annotation.tag === resolveTag(a, false) &&
          here.annotation.note === a.note &&
          sameDetails(here.annotation.details, a.details) &&
          (!span || (here.annotation.start === span.start && here.annotation.end === span.end));
        if (same) plan.skipped++;
        else
          plan.conflicts.push(
            `“${clip(a.quote)}” (${a.id}) in “${here.title}” was edited here and in the file; the one here is kept.`,
          );
        continue;
      }
      const tag = resolveTag(a, true)!;
      const selectors = span ? createSelectors(target.text, span) : null;
      const base = {
        id: a.id,
        documentId: target.meta.id,
        tag,
        textHash: target.meta.textHash,
        note: a.note,
        details: { ...a.details },
        created: a.created ?? stamp,
        modified: a.modified ?? stamp,
      };
      // An orphan of the file whose quote is found here is placed, and no longer an orphan.
      if (selectors) plan.additions.push({ ...base, ...selectors });
      else {
        plan.orphans++;
        plan.additions.push({
          ...base,
          start: 0,
          end: a.quote.length,
          quote: a.quote,
          prefix: a.prefix.slice(-64),
          suffix: a.suffix.slice(0, 64),
          orphan: true,
        });
      }
    }
  }
  if (wholeDocument)
    plan.notes.push(
      `${wholeDocument} annotation${wholeDocument === 1 ? '' : 's'} of the file mark a whole document, not a passage; Gloss annotates passages, so ${wholeDocument === 1 ? 'it was' : 'they were'} not imported.`,
    );
  return plan;
}

/** A document the file carries in full, added to the workspace with the import. */
function created(
  source: BundleDocument,
  documents: PlanDocument[],
  plan: ImportPlan,
  options: PlanOptions,
): PlanDocument | undefined {
  const content = source.content;
  if (!content || !source.textHash) return undefined;
  const taken = documents.some((d) => d.meta.id === source.key);
  const meta: DocumentMeta = {
    id: taken ? options.newId() : source.key,
    title: source.title ?? source.sourceName ?? 'Imported document',
    format: content.format,
    sourceName: source.sourceName ?? source.title ?? 'imported',
    // No sourcePath: a path named in a file is not one the user chose. Were it kept, "Update
    // from disk" would read whatever file the import named (~/.ssh/id_rsa…) into the workspace.
    rawHash: content.rawHash,
    textHash: source.textHash,
    length: content.text.length,
    added: content.added,
    ...(content.metadata ? { metadata: content.metadata } : {}),
  };
  const document: PlanDocument = { meta, text: content.text, annotations: [] };
  documents.push(document);
  plan.newDocuments.push({
    meta,
    text: content.text,
    ...(content.layout ? { layout: content.layout } : {}),
  });
  return document;
}

/** The workspace document an imported one is: the same text, else the same file or title. */
function matchDocument(
  source: BundleDocument,
  documents: readonly PlanDocument[],
): PlanDocument | undefined {
  const byHash = documents.find((d) => d.meta.textHash === source.textHash);
  if (byHash) return byHash;
  const one = (found: PlanDocument[]) => (found.length === 1 ? found[0] : undefined);
  const lower = (s: string | undefined) => s?.trim().toLowerCase();
  // A W3C file names a web page by its address: the page imported from there is the one.
  const byUrl = one(documents.filter((d) => d.meta.metadata?.sourceUrl === source.key));
  if (byUrl) return byUrl;
  return (
    (source.sourceName &&
      one(documents.filter((d) => lower(d.meta.sourceName) === lower(source.sourceName)))) ||
    (source.title && one(documents.filter((d) => lower(d.meta.title) === lower(source.title)))) ||
    undefined
  );
}

/**
 * Where an imported annotation lands: its own offsets when they hold its quote in this text,
 * else the occurrence of the quote whose surroundings best match its prefix and suffix (the
 * nearest to its offsets on a tie), else nowhere (an orphan).
 */
function place(a: BundleAnnotation, text: string): { start: number; end: number } | null {
  let start = a.start;
  let end = a.end;
  if (start !== undefined && end !== undefined && a.offsetUnit === 'code-point') {
    start = fromCodePointOffset(text, start) ?? undefined;
    end = fromCodePointOffset(text, end) ?? undefined;
  }
  if (start !== undefined && end !== undefined && end <= text.length) {
    if (text.slice(start, end) === a.quote) return { start, end };
  }
  if (!a.quote) return null;
  let best: { start: number; score: number; distance: number } | null = null;
  for (const at of occurrences(text, a.quote, 0, text.length, 1000)) {
    const score =
      commonSuffixLength(text.slice(Math.max(0, at - a.prefix.length), at), a.prefix, 64) +
      commonPrefixLength(text.slice(at + a.quote.length, at + a.quote.length + 64), a.suffix);
    const distance = start === undefined ? 0 : Math.abs(at - start);
    if (!best || score > best.score || (score === best.score && distance < best.distance))
      best = { start: at, score, distance };
  }
  return best ? { start: best.start, end: best.start + a.quote.length } : null;
}

/** Maps an imported annotation's tag onto the workspace's tags, creating one if `create`. */
function tagResolver(tags: readonly Tag[], created: Tag[]) {
  return (a: BundleAnnotation, create: boolean): string | undefined => {
    const all = [...tags, ...created];
    const byId = all.find((t) => t.id === a.tag);
    if (byId) return byId.id;
    const name = (a.tagName ?? a.tag).trim();
    const byName = all.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (byName) return byName.id;
    if (!create) return undefined;
    const tag: Tag = {
      id: tagIdFor(name, new Set(all.map((t) => t.id))),
      name: name.slice(0, 60) || 'Imported',
      color: NEW_TAG_COLORS[created.length % NEW_TAG_COLORS.length]!,
    };
    created.push(tag);
    return tag.id;
  };
}

function sameDetails(a: Annotation['details'], b: BundleAnnotation['details']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

function clip(quote: string): string {
  return quote.length > 60 ? `${quote.slice(0, 57)}…` : quote;
}
