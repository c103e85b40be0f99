/**
 * Render layer: every sample form converted by LibreOffice to PDF and read
 * page by page (pdftotext), for what only a rendering shows: the page count,
 * the draft mark on every page, the signatures on the page of their text.
 * Needs `soffice` and `pdftotext` on PATH; `npm test` skips this layer
 * without them (scripts/run-tests.mjs), `npm run test:render` runs it alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf } from '../helpers/docx-text';
import { FORMS } from '../../scripts/form-catalog';

const tmp = mkdtempSync(join(tmpdir(), 'socdesk-render-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The text of each PDF page, whitespace collapsed. */
function pdfPages(buf: Buffer, name: string): string[] {
  const pdf = docxToPdf(buf, join(tmp, `${name}.pdf`));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

const pages: Record<string, string[]> = {};

beforeAll(async () => {
  for (const f of FORMS) pages[f.name] = pdfPages(await f.build(), f.name);
}, 600_000);

/** Forms that must fit on one page. */
const ONE_PAGE = ['receipt', 'receipt-mfc', 'refusal', 'request-letter'];

describe('rendered by LibreOffice', () => {
  it('every form renders to at least one page', () => {
    for (const f of FORMS) expect(pages[f.name]!.length, f.name).toBeGreaterThan(0);
  });

  it('the receipts and letters fit on one page, without «Страница 1 из 1»', () => {
    for (const name of ONE_PAGE.filter((n) => pages[n])) {
      expect(pages[name], name).toHaveLength(1);
      expect(pages[name]![0], name).not.toMatch(/Страница 1 из 1/);
    }
  });

  it('a receipt too long for one page keeps its signatures with the text before them', () => {
    const p = pages['receipt-long']!;
    const last = p[p.length - 1]!;
    expect(last).toContain('Расписку получил');
    expect(last).toContain('Результат предоставления государственной услуги');
  });

  it('multi-page forms number their pages «Страница N из M»', () => {
    for (const [name, p] of Object.entries(pages)) {
      // The receipt is made for one page and carries no numbers (a long one keeps its signatures together instead).
      if (p.length < 2 || name.startsWith('receipt')) continue;
      p.forEach((text, i) => expect(text, `${name} page ${i + 1}`).toContain(`Страница ${i + 1} из ${p.length}`));
    }
  });

  it('the ИППСУ draft says «ПРОЕКТ» on every page, the signed one on none', () => {
    const draft = pages['ippsu-draft']!;
    expect(draft.length).toBeGreaterThan(1);
    draft.forEach((p, i) => expect(p, `page ${i + 1}`).toContain('ПРОЕКТ — документ не подписан'));
    for (const p of pages.ippsu!) expect(p).not.toMatch(/проект/i);
  });

  it('no page holds only a signature: the last page of each form has text besides «(подпись)»', () => {
    for (const [name, p] of Object.entries(pages)) {
      const last = p[p.length - 1]!.replace(/Страница \d+ из \d+/, '');
      const withoutSignature = last.replace(/_+|\(подпись\)|\(фамилия, инициалы\)|\(дата\)|\/[^/]*\/|«___» _+ 20___ г\./g, '').trim();
      expect(withoutSignature.length, `${name}: last page «${last.slice(0, 200)}»`).toBeGreaterThan(40);
    }
  });
});
