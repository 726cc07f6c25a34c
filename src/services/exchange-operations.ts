import type { RequestOf } from '../core/api-schema';
import { buildCsv } from '../core/export-csv';
import type { ExportInput } from '../core/export-input';
import { buildGlossExport } from '../core/export-json';
import { buildHtmlReport, buildMarkdownReport } from '../core/export-report';
import { buildW3cExport } from '../core/export-w3c';
import type { AnnotationStep, UndoHistory } from '../core/history';
import type { ImportBundle } from '../core/import-bundle';
import { looksLikeGlossExport, parseGlossExport } from '../core/import-gloss';
import type { ImportPlan, PlanDocument } from '../core/import-plan';
import { canonicalize } from '../core/canonical-text';
import { sha256Hex } from './hash';
import { plainLayout } from './document-layouts';
import { planImport } from '../core/import-plan';
import { slug } from '../core/tags';
import { parseW3c } from '../core/import-w3c';
import type { DocumentMeta } from '../core/model';
import { AnnotationSchema, DocumentMetaSchema } from '../core/model';
import type { Result } from '../core/result';
import { ok } from '../core/result';
import type { ExportFile, GlossServices, ImportReport } from '../shared/api';
import type { Serial } from './serial';
import { ServiceError } from './service-error';
import type { WorkspaceStore } from './workspace-store';

/** What the exchange operations need of the services that host them. */
export interface ExchangeContext {
  run<T>(action: string, body: () => Promise<Result<T>>): Promise<Result<T>>;
  serial: Serial;
  store: WorkspaceStore;
  history: UndoHistory;
  now(): Date;
  newId(): string;
  documentOrThrow(documentId: string): DocumentMeta;
}

type ExchangeOperations = Pick<
  GlossServices,
  'exportDocuments' | 'importAnnotations' | 'exportJson'
>;

export type ExportFormat = RequestOf<'exportDocuments'>['format'];

const FORMATS: Record<ExportFormat, { extension: string; mimeType: string }> = {
  json: { extension: 'json', mimeType: 'application/json' },
  w3c: { extension: 'jsonld', mimeType: 'application/ld+json' },
  csv: { extension: 'csv', mimeType: 'text/csv' },
  md: { extension: 'md', mimeType: 'text/markdown' },
  html: { extension: 'html', mimeType: 'text/html' },
};

/** Exports in every format, and imports Gloss JSON and W3C Web Annotation files. */
export function exchangeOperations(ctx: ExchangeContext): ExchangeOperations {
  const { run, serial, store, history, now, newId, documentOrThrow } = ctx;

  /** The chosen documents (all when none are named) with their texts and annotations. */
  async function gather(request: RequestOf<'exportDocuments'>): Promise<ExportInput> {
    const metas = request.documentIds?.length
      ? request.documentIds.map(documentOrThrow)
      : store.index.documents;
    const tags = request.tags?.length ? new Set(request.tags) : null;
    const documents = [];
    for (const meta of metas) {
      const text = await store.texts.read(meta);
      const layout = await store.layouts.read(meta, text);
      const annotations = (await store.annotations(meta))
        .list()
        .filter((a) => !tags || tags.has(a.tag))
        .sort((a, b) => a.start - b.start || a.end - b.end);
      documents.push({ meta, text, annotations, pages: layout.pages ?? [], layout });
    }
    return { documents, tags: store.index.tags.map((t) => ({ ...t })), exported: now() };
  }

  async function exportFile(request: RequestOf<'exportDocuments'>): Promise<Result<ExportFile>> {
    const input = await gather(request);
    const content = render(request.format, input);
    const { extension, mimeType } = FORMATS[request.format];
    // Named after the document when one was chosen; after Gloss when the workspace is.
    const one = request.documentIds?.length === 1 ? input.documents[0]!.meta.title : null;
    return ok({
      fileName: `${fileStem(one)}-${localDate(input.exported)}.${extension}`,
      mimeType,
      content,
    });
  }

  return {
    exportDocuments: (request: RequestOf<'exportDocuments'>) =>
      run('export', () => exportFile(request)),

    exportJson: () => run('export the workspace', () => exportFile({ format: 'json' })),

    importAnnotations: (request: RequestOf<'importAnnotations'>) =>
      run('import the annotations', async (): Promise<Result<ImportReport>> => {
        const bundle = readBundle(request.name, request.content);
        return serial.run(async () => {
          store.assertWritable();
          const metas = store.index.documents;
          const documents: PlanDocument[] = [];
          const sets = new Map<string, Awaited<ReturnType<WorkspaceStore['annotations']>>>();
          for (const meta of metas) {
            const set = await store.annotations(meta);
            sets.set(meta.id, set);
            documents.push({ meta, text: await store.texts.read(meta), annotations: set.list() });
          }
          store.assertWritable();
          const plan = planImport(bundle, documents, store.index.tags, { now: now(), newId });
          // Everything is checked before anything changes: one bad part refuses the file.
          for (const d of plan.newDocuments) checkCarried(request.name, d);
          plan.additions.forEach((a, i) => {
            const parsed = AnnotationSchema.safeParse(a);
            if (!parsed.success)
              throw new ServiceError(
                'invalid-request',
                `“${request.name}” cannot be imported: annotation ${i + 1} (${a.id}) is not valid: ${parsed.error.issues[0]!.message}.`,
              );
          });
          for (const d of plan.newDocuments) {
            await store.texts.write(d.meta.textHash, d.text);
            await store.layouts.write(d.meta.textHash, d.layout ?? plainLayout(d.text));
            store.addDocument(d.meta);
            sets.set(d.meta.id, await store.annotations(d.meta));
          }
          const steps: AnnotationStep[] = plan.additions.map((a) => ({
            documentId: a.documentId,
            before: null,
            after: a,
          }));
          for (const a of plan.additions) sets.get(a.documentId)!.put(a);
          const touched = new Set(plan.additions.map((a) => a.documentId));
          const tagsBefore = store.index.tags.map((t) => ({ ...t }));
          const tagsAfter = [...tagsBefore, ...plan.newTags];
          if (plan.newTags.length) store.setTags(tagsAfter);
          if (steps.length || plan.newTags.length)
            history.recordStep({
              annotations: steps,
              ...(plan.newTags.length ? { tags: { before: tagsBefore, after: tagsAfter } } : {}),
            });
          const indexChanged = plan.newTags.length > 0 || plan.newDocuments.length > 0;
          await Promise.all([
            ...[...touched].map((id) => sets.get(id)!.save()),
            ...(indexChanged ? [store.saveIndex()] : []),
          ]);
          return ok({
            added: plan.additions.length - plan.orphans,
            orphans: plan.orphans,
            skipped: plan.skipped,
            conflicts: plan.conflicts,
            unmatched: plan.unmatched,
            newDocuments: plan.newDocuments.map((d) => d.meta.title),
            notes: plan.notes,
            newTags: plan.newTags.map((t) => t.name),
            documentIds: [...touched],
            history: history.state(),
            tags: tagsAfter,
          });
        });
      }),
  };
}

/** A document carried by an import file must be what it says: canonical, with its hash. */
function checkCarried(name: string, d: ImportPlan['newDocuments'][number]): void {
  const refuse = (why: string) => {
    throw new ServiceError(
      'invalid-request',
      `“${name}” cannot be imported: the document “${d.meta.title}” ${why}.`,
    );
  };
  if (canonicalize(d.text) !== d.text) refuse('has a text that is not in canonical form');
  if (sha256Hex(d.text) !== d.meta.textHash) refuse('has a text that does not match its textHash');
  const parsed = DocumentMetaSchema.safeParse(d.meta);
  if (!parsed.success) refuse(`is not valid: ${parsed.error.issues[0]!.message}`);
}

/** The file's text in one format. */
function render(format: ExportFormat, input: ExportInput): string {
  switch (format) {
    case 'json':
      return JSON.stringify(
        buildGlossExport(
          input.documents.map((d) => d.meta),
          input.documents.flatMap((d) => d.annotations),
          input.exported,
          new Map(
            input.documents.map((d) => [
              d.meta.id,
              { text: d.text, layout: d.layout ?? { blocks: [], marks: [] } },
            ]),
          ),
        ),
        null,
        2,
      );
    case 'w3c':
      return JSON.stringify(buildW3cExport(input), null, 2);
    case 'csv':
      return buildCsv(input);
    case 'md':
      return buildMarkdownReport(input);
    case 'html':
      return buildHtmlReport(input);
  }
}

/** Parses an import file as Gloss JSON or W3C Web Annotation, or says why it cannot. */
export function readBundle(name: string, content: string): ImportBundle {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new ServiceError(
      'invalid-request',
      `“${name}” is not a JSON file: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const parsed = looksLikeGlossExport(json) ? parseGlossExport(json) : parseW3c(json);
  if (!parsed.ok)
    throw new ServiceError('invalid-request', `“${name}” cannot be imported: ${parsed.error}`);
  return parsed.value;
}

/** A file name from a document title ("gloss-export" for several): letters, digits, dashes. */
function fileStem(title: string | null): string {
  return slug(title ?? '', 60) || 'gloss-export';
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
