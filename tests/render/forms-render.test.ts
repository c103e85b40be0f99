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

  it('the receipts and letters fit on one page', () => {
    for (const name of ONE_PAGE.filter((n) => pages[n])) expect(pages[name], name).toHaveLength(1);
  });

  it('a receipt too long for one page keeps its signatures with the text before them', () => {
    const p = pages['receipt-long']!;
    const last = p[p.length - 1]!;
    expect(last).toContain('Расписку получил');
    expect(last).toContain('Результат предоставления государственной услуги');
  });

  it('page numbers only on documents of more than one page: a one-page form prints none, a longer one «Страница N из M» from page 2', () => {
    const onePage = Object.entries(pages).filter(([, p]) => p.length === 1);
    const multiPage = Object.entries(pages).filter(([, p]) => p.length > 1);
    // Both kinds are in the catalogue: the letters and receipts on one page, the acts and the ИППСУ on several.
    expect(onePage.map(([n]) => n)).toEqual(expect.arrayContaining(['refusal', 'request-letter', 'receipt']));
    expect(multiPage.map(([n]) => n)).toEqual(expect.arrayContaining(['act3-citizen', 'ippsu']));
    for (const [name, p] of onePage) expect(p[0], name).not.toMatch(/Страница/);
    for (const [name, p] of multiPage) {
      expect(p[0], `${name} page 1`).not.toMatch(/Страница/);
      p.slice(1).forEach((text, i) => {
        expect(text, `${name} page ${i + 2}`).toContain(`Страница ${i + 2} из ${p.length}`);
        expect(text.match(/Страница \d+ из \d+/g), `${name} page ${i + 2}`).toHaveLength(1);
      });
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
