import { describe, expect, it } from 'vitest';
import type { Migration } from './migrations';
import { MIGRATIONS, MigrationError, migrate, schemaVersionOf } from './migrations';
import { SCHEMA_VERSION } from './model';

const renameNote: Migration = {
  from: 1,
  to: 2,
  annotationFile: (raw) => {
    const file = raw as { annotations: { note: string }[] };
    return {
      ...file,
      annotations: file.annotations.map(({ note, ...rest }) => ({ ...rest, comment: note })),
    };
  },
};
const addShelves: Migration = {
  from: 2,
  to: 3,
  index: (raw) => ({ ...(raw as object), shelves: [] }),
};

describe('schemaVersionOf', () => {
  it('reads a whole-number version and tells a missing one from a malformed one', () => {
    expect(schemaVersionOf({ schemaVersion: 1 })).toBe(1);
    expect(schemaVersionOf({ schemaVersion: 0 })).toBe(0);
    expect(schemaVersionOf({ tags: [] })).toBe('missing');
    expect(schemaVersionOf([1])).toBe('missing');
    expect(schemaVersionOf(null)).toBe('missing');
    for (const bad of [1.5, '1', -1, null, Number.NaN, 2 ** 60])
      expect(schemaVersionOf({ schemaVersion: bad }), String(bad)).toBe('invalid');
  });
});

describe('migrate', () => {
  it('applies the steps in order and stamps each step’s version', () => {
    const raw = { schemaVersion: 1, documentId: 'd', annotations: [{ id: 'a', note: 'n' }] };
    const out = migrate(raw, 'annotationFile', 1, 3, [addShelves, renameNote]);
    expect(out).toEqual({
      schemaVersion: 3,
      documentId: 'd',
      annotations: [{ id: 'a', comment: 'n' }],
    });
    const index = migrate({ schemaVersion: 1, tags: [] }, 'index', 1, 3, [renameNote, addShelves]);
    expect(index).toEqual({ schemaVersion: 3, tags: [], shelves: [] });
  });

  it('leaves content of the target version as it is', () => {
    const raw = { schemaVersion: 2 };
    expect(migrate(raw, 'index', 2, 2, [])).toBe(raw);
  });

  it('fails naming the versions when a step is missing or throws', () => {
    expect(() => migrate({ schemaVersion: 1 }, 'index', 1, 3, [renameNote])).toThrow(
      new MigrationError(2, 3, 'this version of Gloss has no such update'),
    );
    const broken: Migration = {
      from: 1,
      to: 2,
      index: () => {
        throw new Error('no tags');
      },
    };
    let error: unknown = null;
    try {
      migrate({ schemaVersion: 1 }, 'index', 1, 2, [broken]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ from: 1, to: 2, reason: 'no tags' });
    expect(String((error as Error).message)).toContain('from format version 1 to 2');
  });

  it('refuses a step that does not give an object', () => {
    const nothing: Migration = { from: 1, to: 2, index: () => null };
    expect(() => migrate({ schemaVersion: 1 }, 'index', 1, 2, [nothing])).toThrow(MigrationError);
  });
});

describe('MIGRATIONS', () => {
  it('takes every older format up to SCHEMA_VERSION, one step at a time', () => {
    // Format 1 is the first there was: nothing to update yet.
    expect(
      MIGRATIONS.every(
        (m, i) => m.to === m.from + 1 && (i === 0 || m.from === MIGRATIONS[i - 1]!.to),
      ),
    ).toBe(true);
    expect(MIGRATIONS.at(-1)?.to ?? SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });
});
