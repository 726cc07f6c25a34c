import { createHash } from 'node:crypto';
import { test, expect } from './fixtures';
import { writeTemp } from './documents';
import { annotationList, expectSaved, importThroughUi } from './ui';

/** A Gloss JSON file carrying a long document and one figure annotation per line. */
function longExport(lines: number): string {
  const text = Array.from(
    { length: lines },
    (_, i) => `Line ${i + 1}: the council spent ${i + 1} million on repairs.`,
  ).join('\n\n');
  const textHash = createHash('sha256').update(text).digest('hex');
  const stamp = '2026-11-25T10:00:00.000Z';
  const annotations = [];
  let at = 0;
  for (let i = 0; i < lines; i++) {
    const quote = `${i + 1} million`;
    const start = text.indexOf(quote, text.indexOf(`Line ${i + 1}:`, at));
    at = start;
    annotations.push({
      id: `a-${i + 1}`,
      documentId: 'long',
      tag: 'figure',
      quote,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + quote.length, start + quote.length + 32),
      start,
      end: start + quote.length,
      note: '',
      details: { value: (i + 1) * 1e6 },
      created: stamp,
      modified: stamp,
    });
  }
  return JSON.stringify({
    format: 'gloss',
    version: 1,
    documents: [
      {
        id: 'long',
        title: 'Repairs, line by line',
        format: 'text',
        sourceName: 'repairs.txt',
        rawHash: textHash,
        textHash,
        length: text.length,
        added: stamp,
        text,
      },
    ],
    annotations,
  });
}

test('a list of 1,000 annotations draws only the rows in view, and scrolls to the last one', async ({
  gloss,
}) => {
  const page = await gloss.launch([writeTemp('note.txt', 'A first document.\n')]);
  await importThroughUi(gloss, writeTemp('repairs.json', longExport(1000)));
  const report = page.getByRole('dialog', { name: 'Imported repairs.json' });
  await expect(report).toContainText('1000 annotations added');
  await report.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('list', { name: 'Documents' }).getByText('Repairs, line by line').click();
  await expect(page.getByRole('heading', { name: /Annotations/ })).toContainText('1000');

  const rows = annotationList(page).getByRole('listitem');
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(100);
  await expect(rows.first()).toContainText('1 million');

  // Scrolling the panel to its end brings the last rows in.
  await page
    .getByRole('complementary', { name: /Annotations/ })
    .evaluate((pane) => pane.scrollTo({ top: pane.scrollHeight }));
  await expect(rows.filter({ hasText: '1000 million' })).toBeVisible();
  await rows.filter({ hasText: '1000 million' }).getByRole('button').click();
  await expect(
    page.getByRole('group', { name: 'Details' }).getByRole('textbox', { name: 'Value' }),
  ).toHaveValue('1000000000');
  await expectSaved(page);
});
