// What an analyst does with the mouse and keyboard, as reusable steps for the specs.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Gloss } from './fixtures';

/** Selects a passage of the reader by a real mouse drag from its first to its last character. */
export async function dragSelect(page: Page, passage: string, occurrence = 0): Promise<void> {
  await expect(page.getByRole('document', { name: 'Document text' })).toContainText(passage);
  // Paragraphs use content-visibility: let two frames pass so their real layout is known.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  const points = await page.evaluate(
    async ({ passage, occurrence }) => {
      const container = document.querySelector('.reader-text');
      if (!container) throw new Error('no document is open');
      const blocks = [...container.querySelectorAll<HTMLElement>('[data-start]')];
      // A block's text may be split over several text nodes (emphasis, links): search the
      // block's whole text, then find the nodes holding the first and last characters.
      const locate = (block: HTMLElement, offset: number) => {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          if (offset < n.data.length) return { node: n, offset };
          offset -= n.data.length;
        }
        throw new Error('offset outside the block');
      };
      const charRect = (block: HTMLElement, offset: number) => {
        const { node, offset: at } = locate(block, offset);
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getClientRects()[0]!;
      };
      let seen = 0;
      for (const block of blocks) {
        const text = block.textContent ?? '';
        let at = text.indexOf(passage);
        while (at !== -1) {
          if (seen++ === occurrence) {
            block.scrollIntoView({ block: 'center' });
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
            const a = charRect(block, at);
            const b = charRect(block, at + passage.length - 1);
            // Press just inside the first character's leading edge and release just inside the
            // last character's trailing edge, so the caret lands before and after them. A
            // character's edges follow its direction: right to left for Arabic or Hebrew
            // letters, left to right for Latin letters and digits, else the block's.
            const blockRtl = getComputedStyle(block).direction === 'rtl';
            const rtl = (ch: string) =>
              /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(ch) ||
              (blockRtl && !/[\p{L}\p{N}]/u.test(ch));
            const first = rtl(text[at]!);
            const last = rtl(text[at + passage.length - 1]!);
            return {
              x1: first ? a.right - 1 : a.left + 1,
              y1: a.top + a.height / 2,
              x2: last ? b.left + 1 : b.right - 1,
              y2: b.top + b.height / 2,
            };
          }
          at = text.indexOf(passage, at + 1);
        }
      }
      throw new Error(`passage not found in the reader: ${passage}`);
    },
    { passage, occurrence },
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 5 });
  await page.mouse.move(points.x2, points.y2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(passage);
}

/** The annotations list of the open document. */
export const annotationList = (page: Page) =>
  page.getByRole('list', { name: 'Annotations', exact: true });

/** Waits until everything is on disk. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toHaveText('Saved');
}

/** How many ranges each tag's CSS highlight paints now. */
export function paintedRanges(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    CSS.highlights.forEach((h, name) => (out[name] = h.size));
    return out;
  });
}

/** Opens files through the UI: the file chooser on the web host, the native dialog in Electron. */
export async function openThroughUi(
  gloss: Gloss,
  paths: string[],
  /** How the analyst asks to open (default: the toolbar's Open document button). */
  ask: (page: Page) => Promise<void> = (page) =>
    page.getByRole('button', { name: 'Open document' }).click(),
): Promise<void> {
  const page = gloss.page();
  const electron = gloss.running().electron;
  if (electron) {
    await electron.evaluate(({ dialog }, chosen) => {
      dialog.showOpenDialog = (async () => ({
        canceled: false,
        filePaths: chosen,
      })) as typeof dialog.showOpenDialog;
    }, paths);
    await ask(page);
    return;
  }
  const chooser = page.waitForEvent('filechooser');
  await ask(page);
  await (await chooser).setFiles(paths);
}

/** What to choose in the Export dialog (its labels). */
export interface ExportChoice {
  format?: string;
  documents?: 'This document' | 'All documents';
}

/** Exports through the Export dialog and returns the file's text. */
export async function exportFileThroughUi(
  gloss: Gloss,
  savePath: string,
  choice: ExportChoice = {},
): Promise<string> {
  const page = gloss.page();
  const electron = gloss.running().electron;
  if (electron)
    await electron.evaluate(({ dialog }, target) => {
      dialog.showSaveDialog = (async () => ({
        canceled: false,
        filePath: target,
      })) as typeof dialog.showSaveDialog;
    }, savePath);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: choice.format ?? 'Gloss JSON' }).check();
  await dialog.getByRole('radio', { name: choice.documents ?? 'All documents' }).check();
  if (electron) {
    await dialog.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByText(/Exported/)).toBeVisible();
    return readFileSync(savePath, 'utf8');
  }
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  await (await download).saveAs(savePath);
  return readFileSync(savePath, 'utf8');
}

/** Exports Gloss JSON of the whole workspace through the UI and returns the parsed file. */
export async function exportThroughUi(gloss: Gloss, savePath: string): Promise<unknown> {
  return JSON.parse(await exportFileThroughUi(gloss, savePath));
}

/** Imports an annotation file through the toolbar's Import button. */
export async function importThroughUi(gloss: Gloss, path: string): Promise<void> {
  const page = gloss.page();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles(path);
}
