import { describe, expect, it } from 'vitest';
import type { Annotation, OpenedDocument } from '../../../shared/api';
import { createSelectors } from '../../../core/selectors';
import {
  isProvisional,
  patchedAnnotation,
  provisionalAnnotation,
  provisionalId,
} from './optimistic';

const text =
  'The council voted to build 4.2 kilometres of new sea wall.\n\n"We must," said Mayor Ilse Brandt.';
const hash = 'b'.repeat(64);
const open = {
  document: { id: 'd1', textHash: hash },
  text,
} as OpenedDocument;
const now = '2026-11-25T10:00:00.000Z';

describe('provisional annotations', () => {
  it('have ids of their own', () => {
    expect(isProvisional(provisionalId(3))).toBe(true);
    expect(isProvisional('0b5a4f2e-1111-4c4c-8888-123456789abc')).toBe(false);
  });

  it('take the same selectors the services will make, with the details they suggest', () => {
    const start = text.indexOf(' 4.2'); // a leading space, as a sloppy drag gives
    const end = text.indexOf(' of new');
    const a = provisionalAnnotation(open, 'provisional-1', 'figure', { start, end }, now)!;
    expect(a).toMatchObject({
      ...createSelectors(text, { start, end }),
      quote: '4.2 kilometres',
      documentId: 'd1',
      textHash: hash,
      tag: 'figure',
      note: '',
      created: now,
    });
    expect(a.details).toMatchObject({ value: 4.2, unit: 'km' });
    const q = text.indexOf('"We');
    const quote = provisionalAnnotation(
      open,
      'provisional-2',
      'quote',
      { start: q, end: q + 10 },
      now,
    );
    expect(quote?.details).toEqual({ speaker: 'Ilse Brandt' });
  });

  it('are not made from white space alone', () => {
    const gap = text.indexOf('\n\n');
    expect(provisionalAnnotation(open, 'p', 'claim', { start: gap, end: gap + 2 }, now)).toBeNull();
  });
});

describe('patchedAnnotation', () => {
  const before: Annotation = {
    ...provisionalAnnotation(open, 'a', 'figure', { start: 27, end: 41 }, now)!,
    id: 'a',
  };

  it('changes the tag and suggests the new tag’s details, keeping what was typed', () => {
    const after = patchedAnnotation(before, { tag: 'claim' }, text, '2026-11-25T11:00:00.000Z');
    expect(after.tag).toBe('claim');
    expect(after.details).toMatchObject({ value: 4.2, status: 'unverified' });
    expect(after.modified).toBe('2026-11-25T11:00:00.000Z');
    expect(before.tag).toBe('figure'); // the original is left alone
  });

  it('applies a details patch field by field (null removes one) and a note', () => {
    const after = patchedAnnotation(
      before,
      { detailsPatch: { unit: 'mi', qualifier: null }, note: 'check' },
      text,
      now,
    );
    expect(after.details['unit']).toBe('mi');
    expect(after.details['value']).toBe(4.2);
    expect('qualifier' in after.details).toBe(false);
    expect(after.note).toBe('check');
  });
});
