import { z } from 'zod';
import { idSchema } from './model';

// The payload schemas of every service call. Both doors — Electron IPC and the web host's HTTP —
// validate with these before any service runs, so a hostile message gets an error, never a call.

/** Largest file accepted for import, checked before it is read whole. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected file bytes');
const tagId = z.string().min(1).max(40);
const offset = z.number().int().nonnegative().max(1_000_000_000);

export const requestSchemas = {
  getWorkspace: z.undefined(),
  openDocument: z.strictObject({ documentId: idSchema }),
  importFile: z.strictObject({
    name: z.string().min(1).max(1000),
    bytes: bytes.refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'file is larger than 50 MB'),
  }),
  importSamples: z.undefined(),
  createAnnotation: z.strictObject({
    documentId: idSchema,
    start: offset,
    end: offset,
    tag: tagId,
  }),
  updateAnnotation: z.strictObject({
    documentId: idSchema,
    id: idSchema,
    tag: tagId.optional(),
    note: z.string().max(100_000).optional(),
  }),
  deleteAnnotation: z.strictObject({ documentId: idSchema, id: idSchema }),
  undo: z.undefined(),
  redo: z.undefined(),
  exportJson: z.undefined(),
} as const;

export type ServiceMethod = keyof typeof requestSchemas;
export type RequestOf<M extends ServiceMethod> = z.infer<(typeof requestSchemas)[M]>;

/** Every service method name, for transports that register one handler per method. */
export const SERVICE_METHODS = Object.keys(requestSchemas) as ServiceMethod[];

/** True when a string names a service method (guards lookups with untrusted names). */
export function isServiceMethod(name: unknown): name is ServiceMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name);
}
