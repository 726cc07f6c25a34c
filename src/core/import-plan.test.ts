import { describe, expect, it } from 'vitest';
import type { BundleAnnotation, ImportBundle } from './import-bundle';
import type { PlanDocument } from './import-plan';
import { planImport } from './import-plan';
import type { Annotation, DocumentMeta } from './model';
import { createSelectors } from './selectors';
import { BUILT_IN_TAGS } from './tags';

const TEXT = 'The council voted to build 4.2 km of wall. The wall will cost $18 million.\n';
const EDITED = 'Update: ' + TEXT.replace('voted to', 'voted on Tuesday to');
const NOW = new Date('2026-03-01T00:00:00Z');
const OPTS = { now: NOW, newId: () => 'new-id' };

function meta(id: string, textHash: string, title = 'Sea wall'): DocumentMeta {
  return {
    id,
    title,
    format: 'text',
    sourceName: `${id}.txt`,
    rawHash: textHash,
    textHash,
    length: TEXT.length,
    added: NOW.toISOString(),
  };
}

function incoming(over: Partial<BundleAnnotation> = {}): BundleAnnotation {
  const start = TEXT.indexOf('4.2 km');
  return {
    id: 'a-1',
    documentKey: 'k',
    tag: 'figure',
    note: 'from a colleague',
    details: { value: 4.2, unit: 'km' },
    quote: '4.2 km',
    prefix: 'build ',
    suffix: ' of wall',
    start,
    end: start + 6,
    offsetUnit: 'utf16',
    ...over,
  };
}

const bundle = (annotations: BundleAnnotation[], textHash = 'h1'): ImportBundle => ({
  format: 'gloss',
  documents: [{ key: 'k', textHash, title: 'Sea wall', sourceName: 'doc.txt' }],
  annotations,
});

const doc = (text = TEXT, annotations: Annotation[] = [], hash = 'h1'): PlanDocument => ({
  meta: meta('doc', hash),
  text,
  annotations,
});

describe('planImport', () => {
  it('adds annotations to the document with the same text, at their offsets', () => {
    const plan = planImport(bundle([incoming()]), [doc()], BUILT_IN_TAGS, OPTS);
    expect(plan.additions).toHaveLength(1);
    expect(plan.additions[0]).toMatchObject({
      id: 'a-1',
      documentId: 'doc',
      tag: 'figure',
      quote: '4.2 km',
      note: 'from a colleague',
      details: { value: 4.2, unit: 'km' },
      textHash: 'h1',
    });
    expect(plan).toMatchObject({
      skipped: 0,
      conflicts: [],
      orphans: 0,
      unmatched: [],
      newTags: [],
    });
  });

  it('re-anchors by quote and context when the text differs, and orphans what it cannot find', () => {
    const edited: PlanDocument = { ...doc(EDITED, [], 'h2'), meta: meta('doc', 'h2') };
    const plan = planImport(
      bundle([incoming(), incoming({ id: 'a-2', quote: 'a moat', prefix: '', suffix: '' })], 'h1'),
      [edited],
      BUILT_IN_TAGS,
      OPTS,
    );
    const placed = plan.additions.find((a) => a.id === 'a-1')!;
    expect(EDITED.slice(placed.start, placed.end)).toBe('4.2 km');
    expect(plan.orphans).toBe(1);
    expect(plan.additions.find((a) => a.id === 'a-2')).toMatchObject({ orphan: true });
  });

  it('picks the occurrence whose context matches, for a repeated quote', () => {
    const second = TEXT.lastIndexOf('wall');
    const plan = planImport(
      bundle([incoming({ quote: 'wall', prefix: 'The ', suffix: ' will cost', start: 0, end: 0 })]),
      [doc()],
      BUILT_IN_TAGS,
      OPTS,
    );
    expect(plan.additions[0]!.start).toBe(second);
  });

  it('converts code-point offsets (W3C) to the text’s own', () => {
    const text = '🇺🇦 Kyiv 👩‍👩‍👧 said: 4.2 km.';
    const at = text.indexOf('4.2 km');
    const cp = [...text.slice(0, at)].length;
    const plan = planImport(
      bundle([
        incoming({ start: cp, end: cp + 6, offsetUnit: 'code-point', prefix: '', suffix: '' }),
      ]),
      [doc(text)],
      BUILT_IN_TAGS,
      OPTS,
    );
    expect(plan.additions[0]).toMatchObject({ start: at, end: at + 6, quote: '4.2 km' });
  });

  it('skips what is already here, and reports a conflicting edit instead of overwriting it', () => {
    const s = TEXT.indexOf('4.2 km');
    const here: Annotation = {
      ...incoming(),
      documentId: 'doc',
      ...createSelectors(TEXT, { start: s, end: s + 6 })!,
      textHash: 'h1',
      created: NOW.toISOString(),
      modified: NOW.toISOString(),
    } as Annotation;
    delete (here as Partial<BundleAnnotation>).offsetUnit;
    delete (here as Partial<BundleAnnotation>).documentKey;
    const same = planImport(bundle([incoming()]), [doc(TEXT, [here])], BUILT_IN_TAGS, OPTS);
    expect(same).toMatchObject({ additions: [], skipped: 1, conflicts: [] });
    const edited = planImport(
      bundle([incoming({ note: 'changed there' })]),
      [doc(TEXT, [here])],
      BUILT_IN_TAGS,
      OPTS,
    );
    expect(edited.additions).toEqual([]);
    expect(edited.conflicts[0]).toMatch(
      /“4\.2 km” \(a-1\) in “Sea wall” was edited here and in the file/,
    );
  });

  it('maps tags by id, then by name, and creates the ones the workspace lacks', () => {
    const plan = planImport(
      bundle([
        incoming({ id: 'x1', tag: 'Figure' }),
        incoming({ id: 'x2', tag: 'follow-up', tagName: 'Follow up' }),
        incoming({ id: 'x3', tag: 'follow-up', tagName: 'Follow up' }),
      ]),
      [doc()],
      BUILT_IN_TAGS,
      OPTS,
    );
    expect(plan.additions.map((a) => a.tag)).toEqual(['figure', 'follow-up', 'follow-up']);
    expect(plan.newTags).toEqual([
      { id: 'follow-up', name: 'Follow up', color: expect.stringMatching(/^#/) },
    ]);
  });

  it('leaves out documents that are not here, saying which', () => {
    const other: ImportBundle = {
      format: 'w3c',
      documents: [{ key: 'urn:x', textHash: 'zz', title: 'Unknown report' }],
      annotations: [incoming({ documentKey: 'urn:x' })],
    };
    const plan = planImport(other, [doc()], BUILT_IN_TAGS, OPTS);
    expect(plan.unmatched).toEqual([{ title: 'Unknown report', annotations: 1 }]);
    expect(plan.additions).toEqual([]);
  });

  it('ignores offsets outside the text and finds the quote instead', () => {
    const plan = planImport(
      bundle([incoming({ start: 10_000, end: 10_006 })]),
      [doc()],
      BUILT_IN_TAGS,
      OPTS,
    );
    expect(TEXT.slice(plan.additions[0]!.start, plan.additions[0]!.end)).toBe('4.2 km');
  });

  it('creates a document the file carries in full, under its own id unless taken', () => {
    const carried: ImportBundle = {
      format: 'gloss',
      documents: [
        {
          key: 'doc',
          textHash: 'h9',
          title: 'Carried',
          sourceName: 'carried.txt',
          content: { text: TEXT, format: 'text', rawHash: 'r9', added: NOW.toISOString() },
        },
      ],
      annotations: [incoming({ documentKey: 'doc' })],
    };
    const fresh = planImport(carried, [], BUILT_IN_TAGS, OPTS);
    expect(fresh.newDocuments.map((d) => d.meta)).toEqual([
      expect.objectContaining({ id: 'doc', title: 'Carried', textHash: 'h9', length: TEXT.length }),
    ]);
    expect(fresh.additions[0]).toMatchObject({
      documentId: 'doc',
      quote: '4.2 km',
      textHash: 'h9',
    });
    const taken = planImport(carried, [doc(TEXT, [], 'h1')], BUILT_IN_TAGS, OPTS);
    expect(taken.newDocuments[0]!.meta.id).toBe('new-id');
  });

  it('never takes a source path from the file: only the user chooses which files are read', () => {
    const carried: ImportBundle = {
      format: 'gloss',
      documents: [
        {
          key: 'doc',
          textHash: 'h9',
          title: 'Carried',
          sourceName: 'id_rsa',
          sourcePath: '/home/ana/.ssh/id_rsa',
          content: { text: TEXT, format: 'text', rawHash: 'r9', added: NOW.toISOString() },
        },
      ],
      annotations: [incoming({ documentKey: 'doc' })],
    };
    const plan = planImport(carried, [], BUILT_IN_TAGS, OPTS);
    expect(plan.newDocuments).toHaveLength(1);
    expect(plan.newDocuments[0]!.meta).not.toHaveProperty('sourcePath');
  });

  it('leaves out annotations of a whole document, saying how many', () => {
    const plan = planImport(
      bundle([incoming({ quote: '', prefix: '', suffix: '', start: undefined, end: undefined })]),
      [doc()],
      BUILT_IN_TAGS,
      OPTS,
    );
    expect(plan.additions).toEqual([]);
    expect(plan.notes).toEqual([
      expect.stringMatching(/^1 annotation of the file mark a whole document/),
    ]);
  });
});
