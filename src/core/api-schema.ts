import { z } from 'zod';
import { DetailsSchema, idSchema } from './model';

// The payload schemas of every service call. Both doors — Electron IPC and the web host's HTTP —
// validate with these before any service runs, so a hostile message gets an error, never a call.

/** Largest file accepted for import by default, checked before it is read whole. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** The hard ceiling of the configurable limit (`--max-file-mb`). */
export const MAX_IMPORT_CEILING = 1024 * 1024 * 1024;

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected file bytes');
const tagId = z.string().min(1).max(40);
const offset = z.number().int().nonnegative().max(1_000_000_000);
const tagName = z.string().trim().min(1).max(60);
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');
const hotkey = z.string().regex(/^[1-9]$/, 'a hotkey is one of 1–9');

export const requestSchemas = {
  getWorkspace: z.undefined(),
  openDocument: z.strictObject({ documentId: idSchema }),
  importFile: z.strictObject({
    name: z.string().min(1).max(1000),
    // The configured limit is checked by the services, with a message naming the file.
    bytes: bytes.refine((b) => b.byteLength <= MAX_IMPORT_CEILING, 'file is larger than 1 GB'),
    /** Import a file of an unknown kind as plain text (the user said yes to the offer). */
    asText: z.boolean().optional(),
  }),
  importProgress: z.undefined(),
  renameDocument: z.strictObject({
    documentId: idSchema,
    title: z.string().trim().min(1).max(500),
  }),
  removeDocument: z.strictObject({ documentId: idSchema }),
  checkSource: z.strictObject({ documentId: idSchema }),
  updateFromDisk: z.strictObject({ documentId: idSchema }),
  createTag: z.strictObject({
    name: tagName,
    color: hexColor,
    hotkey: hotkey.nullable().optional(),
    description: z.string().max(500).optional(),
  }),
  updateTag: z.strictObject({
    id: tagId,
    name: tagName.optional(),
    color: hexColor.optional(),
    hotkey: hotkey.nullable().optional(),
    description: z.string().max(500).optional(),
  }),
  moveTag: z.strictObject({ id: tagId, to: z.number().int().min(0).max(1000) }),
  countTagUses: z.strictObject({ id: tagId }),
  /** Deletes a tag; its annotations take `retagTo`, or are removed when it is absent. */
  deleteTag: z.strictObject({ id: tagId, retagTo: tagId.optional() }),
  reattachAnnotation: z.strictObject({
    documentId: idSchema,
    id: idSchema,
    start: offset,
    end: offset,
  }),
  importSamples: z.undefined(),
  createAnnotation: z.strictObject({
    documentId: idSchema,
    start: offset,
    end: offset,
    tag: tagId,
    /** Details to start with (an accepted suggestion's); else they are read from the passage. */
    details: DetailsSchema.optional(),
  }),
  /** Several annotations in one step (accepting suggestions): all of them, or none. */
  createAnnotations: z.strictObject({
    documentId: idSchema,
    annotations: z
      .array(
        z.strictObject({
          start: offset,
          end: offset,
          tag: tagId,
          details: DetailsSchema.optional(),
        }),
      )
      .min(1)
      .max(10_000),
  }),
  suggest: z.strictObject({ documentId: idSchema }),
  rejectSuggestion: z.strictObject({ documentId: idSchema, key: z.string().min(1).max(200) }),
  placeCandidates: z.strictObject({ documentId: idSchema, name: z.string().min(1).max(200) }),
  /** The map's passages: of one document, or of the whole workspace when documentId is absent. */
  locatedPassages: z.strictObject({ documentId: idSchema.optional() }),
  namedEntities: z.strictObject({ documentId: idSchema }),
  /** Counts, figures, quotes and claims: of one document, or of the whole workspace when absent. */
  overview: z.strictObject({ documentId: idSchema.optional() }),
  /** Text, quotes, notes and details matching a query: of one document, or of all when absent. */
  search: z.strictObject({
    query: z.string().trim().min(1).max(200),
    documentId: idSchema.optional(),
  }),
  updateAnnotation: z.strictObject({
    documentId: idSchema,
    id: idSchema,
    tag: tagId.optional(),
    note: z.string().max(100_000).optional(),
    /** Replaces the annotation's details as a whole. */
    details: DetailsSchema.optional(),
    /**
     * Changes only the named details (null removes one), so two fields edited in quick
     * succession both land even when the second is sent before the first comes back.
     */
    detailsPatch: DetailsSchema.optional(),
  }),
  deleteAnnotation: z.strictObject({ documentId: idSchema, id: idSchema }),
  undo: z.undefined(),
  redo: z.undefined(),
  exportJson: z.undefined(),
  /** One export file: the chosen documents (all when none), optionally only some tags. */
  exportDocuments: z.strictObject({
    format: z.enum(['json', 'w3c', 'csv', 'md', 'html']),
    documentIds: z.array(idSchema).max(10_000).optional(),
    tags: z.array(tagId).max(100).optional(),
  }),
  /** A Gloss JSON or W3C Web Annotation file's text, applied in one step or not at all. */
  importAnnotations: z.strictObject({
    name: z.string().min(1).max(1000),
    content: z.string().max(MAX_IMPORT_BYTES),
  }),
  listBackups: z.undefined(),
  /** Restores a backup by its file name in backups/ (the services check it is one they list). */
  restoreBackup: z.strictObject({
    name: z
      .string()
      .min(1)
      .max(100)
      .regex(/^backup-[0-9TZ.-]+\.json$/, 'not the name of a backup'),
  }),
} as const;

export type ServiceMethod = keyof typeof requestSchemas;
export type RequestOf<M extends ServiceMethod> = z.infer<(typeof requestSchemas)[M]>;

/** Every service method name, for transports that register one handler per method. */
export const SERVICE_METHODS = Object.keys(requestSchemas) as ServiceMethod[];

/** True when a string names a service method (guards lookups with untrusted names). */
export function isServiceMethod(name: unknown): name is ServiceMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name);
}
