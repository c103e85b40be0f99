/**
 * E2E helpers for printed forms: a print button opens «Просмотр и печать»
 * (renderer/src/ui/PrintPreview.tsx); the DOCX is saved from there, and
 * `interceptPrint` counts window.print calls instead of opening the dialog.
 */
import { expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { docxText } from '../helpers/docx-xml';

/** The preview dialog. */
export const preview = (page: Page) => page.getByRole('dialog', { name: 'Просмотр и печать' });

/** Clicks `open`, waits for the rendered pages in the preview, saves the DOCX from it, closes it; returns the download. */
export async function saveFromPreview(page: Page, open: () => Promise<void>): Promise<Download> {
  await open();
  const dialog = preview(page);
  await expect(dialog.locator('section.docx').first()).toBeVisible({ timeout: 15_000 });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Сохранить DOCX' }).click();
  const d = await download;
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
  await expect(dialog).toBeHidden();
  return d;
}

/** The text of the DOCX a print button gives (through the preview). */
export async function printedText(page: Page, open: () => Promise<void>): Promise<string> {
  const d = await saveFromPreview(page, open);
  return docxText(readFileSync((await d.path())!)).replace(/\u00a0/g, ' ');
}

/** Replaces window.print with a counter (window.__prints); call before the page loads. */
export async function interceptPrint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __prints: number }).__prints = 0;
    window.print = () => {
      (window as unknown as { __prints: number }).__prints++;
    };
  });
}

export const printCount = (page: Page) => page.evaluate(() => (window as unknown as { __prints: number }).__prints);
