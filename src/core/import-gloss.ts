import { z } from 'zod';
import type { ImportBundle } from './import-bundle';
import { forbiddenKeyPath, issuePath } from './json-guard';
import { MAX_IMPORT_BYTES } from './api-schema';
import { AnnotationSchema, DocumentMetaSchema } from './model';
import { BlockSchema, MarkSchema, PageSpanSchema } from './structure';

// Reads a Gloss JSON export (export-json.ts, docs/FORMAT.md) back as an import bundle. The
// whole file is checked before anything is used; the first problem is named with its place.

const isoDate = z.string().datetime({ offset: true });

// The workspace's own schemas, minus their strictness: a newer minor field is let through.
const ExportedDocumentSchema = z.object({
  ...DocumentMetaSchema.shape,
  text: z.string().max(MAX_IMPORT_BYTES).optional(),
  layout: z
    .object({
      blocks: z.array(BlockSchema).max(1_000_000),
      marks: z.array(MarkSchema).max(1_000_000),
      pages: z.array(PageSpanSchema).max(100_000).optional(),
    })
    .optional(),
});

const ExportedAnnotationSchema = z
  .object(AnnotationSchema.shape)
  .omit({ textHash: true, orphan: true })
  .refine((a) => a.end > a.start, { message: 'end must be after start' });

/** Extra keys (a newer minor field) are tolerated, not imported. Documented in docs/FORMAT.md. */
export const GlossExportSchema = z.object({
  format: z.literal('gloss'),
  version: z.literal(1),
  exported: isoDate.optional(),
  documents: z.array(ExportedDocumentSchema).max(10_000),
  annotations: z.array(ExportedAnnotationSchema).max(1_000_000),
});

export type ParseResult = { ok: true; value: ImportBundle } | { ok: false; error: string };

/** True when parsed JSON says it is a Gloss export (whatever its version). */
export function looksLikeGlossExport(json: unknown): boolean {
  return (
    typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'gloss'
  );
}

export function parseGlossExport(json: unknown): ParseResult {
  const forbidden = forbiddenKeyPath(json);
  if (forbidden) return { ok: false, error: `It holds a key Gloss refuses: ${forbidden}.` };
  const version = (json as { version?: unknown } | null)?.version;
  if (looksLikeGlossExport(json) && typeof version === 'number' && version > 1)
    return {
      ok: false,
      error: `It is a Gloss export of version ${version}, newer than this Gloss reads (1). Update Gloss to import it.`,
    };
  const parsed = GlossExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${issuePath(issue.path) || 'The file'}: ${issue.message}.` };
  }
  const { documents, annotations } = parsed.data;
  const known = new Set(documents.map((d) => d.id));
  const stray = annotations.findIndex((a) => !known.has(a.documentId));
  if (stray !== -1)
    return {
      ok: false,
      error: `annotations[${stray}]: its document ${annotations[stray]!.documentId} is not among the file's documents.`,
    };
  return {
    ok: true,
    value: {
      format: 'gloss',
      documents: documents.map((d) => ({
        key: d.id,
        textHash: d.textHash,
        title: d.title,
        sourceName: d.sourceName,
        ...(d.sourcePath ? { sourcePath: d.sourcePath } : {}),
        ...(d.text === undefined
          ? {}
          : {
              content: {
                text: d.text,
                ...(d.layout ? { layout: d.layout } : {}),
                format: d.format,
                rawHash: d.rawHash,
                added: d.added,
                ...(d.metadata ? { metadata: d.metadata } : {}),
              },
            }),
      })),
      annotations: annotations.map((a) => ({
        id: a.id,
        documentKey: a.documentId,
        tag: a.tag,
        note: a.note,
        details: a.details,
        quote: a.quote,
        prefix: a.prefix,
        suffix: a.suffix,
        start: a.start,
        end: a.end,
        offsetUnit: 'utf16' as const,
        created: a.created,
        modified: a.modified,
      })),
    },
  };
}
