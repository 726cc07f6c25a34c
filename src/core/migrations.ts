// Schema migrations: how a file written by an older Gloss becomes one of this version. Each step
// takes the raw parsed JSON of one format version to the next, before zod validates it; the
// services apply them at open, after taking a backup of the files as they were (see
// services/workspace-migration.ts).

/** One step, from format version `from` to `to` (always `from + 1`). */
export interface Migration {
  from: number;
  to: number;
  /** Rewrites gloss.json's content (tags, documents); absent when its shape did not change. */
  index?(raw: unknown): unknown;
  /** Rewrites one annotations/<id>.json's content, journal folded in; absent when unchanged. */
  annotationFile?(raw: unknown): unknown;
}

/** Which kind of file a migration is applied to. */
export type MigratedFile = 'index' | 'annotationFile';

/**
 * The real registry, oldest step first. Format version 1 is the first there ever was, so it is
 * empty; a version 2 adds `{ from: 1, to: 2, … }` here and raises SCHEMA_VERSION.
 */
export const MIGRATIONS: readonly Migration[] = [];

/** A step that is missing or that threw: the file is left as it is. */
export class MigrationError extends Error {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly reason: string,
  ) {
    super(`the update from format version ${from} to ${to} failed (${reason})`);
    this.name = 'MigrationError';
  }
}

/**
 * A file's `schemaVersion`: a whole number, 'missing' when there is none, 'invalid' when it is
 * anything else (a file in either state is damaged, not old). Gloss's first format is 1; tests
 * use a made-up 0 to exercise the machinery against today's schemas.
 */
export function schemaVersionOf(raw: unknown): number | 'missing' | 'invalid' {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'missing';
  if (!('schemaVersion' in raw)) return 'missing';
  const found = (raw as { schemaVersion: unknown }).schemaVersion;
  return typeof found === 'number' && Number.isSafeInteger(found) && found >= 0 ? found : 'invalid';
}

/**
 * Takes raw content of format version `from` to `target`, one registered step at a time; each
 * step's result gets `schemaVersion: step.to`. Throws MigrationError when a step is missing or
 * throws. The input may be changed in place: pass content nothing else holds.
 */
export function migrate(
  raw: unknown,
  file: MigratedFile,
  from: number,
  target: number,
  registry: readonly Migration[],
): unknown {
  let value = raw;
  for (let version = from; version < target; version++) {
    const step = registry.find((s) => s.from === version);
    if (!step || step.to !== version + 1)
      throw new MigrationError(version, version + 1, 'this version of Gloss has no such update');
    try {
      const apply = step[file];
      value = apply ? apply(value) : value;
    } catch (error) {
      throw new MigrationError(
        version,
        step.to,
        error instanceof Error ? error.message : String(error),
      );
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new MigrationError(version, step.to, 'the update did not give an object');
    value = { ...value, schemaVersion: step.to };
  }
  return value;
}
