/**
 * The page-layout and typography rules of main/forms/layout.ts and
 * docx-kit, checked in the word/document.xml of every sample form
 * (scripts/form-catalog.ts): margins, rows that never split, labels kept
 * with their tables, no soft hyphens, Russian quotes, no-break spaces, page
 * numbers only where a document may run over one page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyLayout, quotes, typography } from '../../main/forms/layout';
import { FORMS } from '../../scripts/form-catalog';
import {
  fieldCodes,
  hasSoftHyphen,
  keepsNext,
  linesAfter,
  marginsMm,
  paragraphXml,
  readDocx,
  sectionFooters,
  tables,
  textOf,
  type DocxXml,
} from '../helpers/docx-xml';

const LETTERS = ['refusal', 'request-letter', 'complaint-answer'];

const docs: Record<string, DocxXml> = {};

beforeAll(async () => {
  for (const f of FORMS) docs[f.name] = readDocx(await f.build());
});

describe('typography', () => {
  it('no-break spaces after abbreviations, «№», in initials and between numbers and units', () => {
    const t = typography('г. Сургут, ул. Энергетиков, д. 14, кв. 37, № 42, N 27-нп, Петрова М. И., М. И. Петрова, 30 минут, 2025 г., офис 12, 5 км');
    expect(t).toBe(
      'г.\u00a0Сургут, ул.\u00a0Энергетиков,\u00a0д.\u00a014, кв.\u00a037, №\u00a042, N\u00a027-нп, Петрова\u00a0М.\u00a0И., М.\u00a0И.\u00a0Петрова, 30\u00a0минут, 2025\u00a0г., офис\u00a012, 5\u00a0км',
    );
  });

  it('keeps the house with its street: «д. 18» never stands alone on a line', () => {
    expect(typography('г. Ханты-Мансийск, ул. Барабинская, д. 18, кв. 5')).toBe('г.\u00a0Ханты-Мансийск, ул.\u00a0Барабинская,\u00a0д.\u00a018, кв.\u00a05');
  });

  it('phone numbers and names with a hyphen never break at it', () => {
    const xml = applyLayout('<w:document><w:body><w:p><w:r><w:t>тел. +7 (3467) 30-01-27, г. Ханты-Мансийск</w:t></w:r></w:p></w:body></w:document>');
    expect(textOf(xml)).toBe('тел.\u00a0+7 (3467) 30-01-27, г.\u00a0Ханты-Мансийск');
    expect(xml.match(/<w:noBreakHyphen\/>/g)).toHaveLength(3);
  });

  it('quotes «» outside and „“ inside, straight quotes converted', () => {
    expect(quotes('АНО «Центр «Забота»»')).toBe('АНО «Центр „Забота“»');
    expect(quotes('КУ "Центр социальных выплат"')).toBe('КУ «Центр социальных выплат»');
    expect(quotes('БУ "Центр "Милосердие""')).toBe('БУ «Центр „Милосердие“»');
  });

  it('keeps the length (the runs of a paragraph keep their text)', () => {
    const s = 'д. 18, «А «Б»», "В", Иванов И. И.';
    expect(typography(s)).toHaveLength(s.length);
  });
});

describe('every printed form', () => {
  it('the catalogue has every form and variant', () => {
    expect(Object.keys(docs)).toEqual(expect.arrayContaining(['receipt', 'receipt-mfc', 'journal', 'ippsu', 'refusal', 'request-letter', 'act3-citizen-blank', 'barthel-blank', 'lawton-blank']));
  });

  it('has ГОСТ Р 7.0.97-2016 margins: 20 mm top and bottom, 20 mm left (30 mm on letters), 15 mm right', () => {
    for (const [name, d] of Object.entries(docs)) {
      const m = marginsMm(d);
      expect(m.length, name).toBeGreaterThan(0);
      for (const x of m) {
        expect(x.top, name).toBeGreaterThanOrEqual(20);
        expect(x.bottom, name).toBeGreaterThanOrEqual(15);
        expect(x.left, name).toBe(LETTERS.includes(name) ? 30 : 20);
        expect(x.right, name).toBe(15);
      }
    }
  });

  it('has no soft hyphens (U+00AD)', () => {
    for (const [name, d] of Object.entries(docs)) expect(hasSoftHyphen(d), name).toBe(false);
  });

  it('no table row splits across pages, and the data tables repeat their header row', () => {
    for (const [name, d] of Object.entries(docs)) {
      for (const [i, t] of tables(d).entries()) {
        expect(t.cantSplitRows, `${name}, table ${i + 1}`).toBe(t.rowXml.length);
      }
      const withHeader = tables(d).filter((t) => t.headerRows > 0);
      for (const t of withHeader) expect(t.headerRows).toBe(1);
    }
  });

  it('a paragraph right before a table (a label, a heading, the text before a signature) keeps with it', () => {
    for (const [name, d] of Object.entries(docs)) {
      const body = d.xml.slice(d.xml.indexOf('<w:body>'));
      const before = [...body.matchAll(/(<w:p(?:\s[^>]*)?>(?:(?!<w:p[ >])[\s\S])*?<\/w:p>)\s*<w:tbl>/g)].map((m) => m[1]!);
      for (const p of before) {
        if (textOf(p).trim() === '' && !/<w:spacing/.test(p)) continue;
        expect(keepsNext(p), `${name}: «${textOf(p).slice(0, 60)}»`).toBe(true);
      }
    }
  });

  it('short tables stay on one page: every row but the last keeps with the next', () => {
    const d = docs['receipt']!;
    const sign = tables(d).filter((t) => t.rows.some((r) => r.some((c) => c.includes('(подпись)'))));
    expect(sign.length).toBe(1);
    for (const t of sign) {
      const first = paragraphXml(t.rowXml[0]!);
      expect(first.every(keepsNext)).toBe(true);
    }
  });

  it('prints straight quotes nowhere and nests quotes as «…„…“…»', () => {
    for (const [name, d] of Object.entries(docs)) {
      for (const p of paragraphXml(d.xml)) {
        const t = textOf(p);
        expect(t, name).not.toMatch(/"/);
        expect(t, name).not.toMatch(/«[^»„]*«/);
      }
    }
  });

  it('keeps «д.», «№», initials and numbers with what follows (no plain space)', () => {
    for (const [name, d] of Object.entries(docs)) {
      for (const p of paragraphXml(d.xml)) {
        const t = textOf(p);
        expect(t, name).not.toMatch(/(?:^|[\s,])(?:д|кв|ул|г)\. (?=[\dА-ЯЁ])/);
        expect(t, name).not.toMatch(/№ \d/);
        expect(t, name).not.toMatch(/[А-ЯЁ][а-яё]+ [А-ЯЁ]\. [А-ЯЁ]\./);
        expect(t, name).not.toMatch(/\d (?:минут|км|г\.)/);
      }
    }
  });

  it('draws no tab leaders: every line to write on is a bottom border (shown by LibreOffice, Word and the in-app preview alike)', () => {
    for (const [name, d] of Object.entries(docs)) {
      for (const [part, xml] of Object.entries(d.parts)) {
        expect(xml, `${name}, ${part}`).not.toMatch(/w:leader="(?!none")[^"]*"/);
        expect(xml, `${name}, ${part}`).not.toMatch(/<w:ptab\b/);
      }
    }
  });

  it('the blank Appendix 3 has a line after «…(ближайшей остановки маршрутных транспортных средств) (км)» and after every other distance', () => {
    const d = docs['act3-citizen-blank']!;
    const labels = [
      'транспортных коммуникаций (ближайшей остановки маршрутных транспортных средств) (км)',
      'продовольственных и промтоварных магазинов (км)',
      'почты (км)', // «почты (км) ____; жилищно-коммунальных учреждений (км) ______»
      'расстояния до источника водоснабжения (км)',
    ];
    for (const label of labels) expect(linesAfter(d, label).lines, label).toBeGreaterThan(0);
  });

  it('page numbers only on documents of more than one page: none on the first page, «Страница N из M» on the others', () => {
    for (const [name, d] of Object.entries(docs)) {
      const sections = sectionFooters(d);
      expect(sections.length, name).toBeGreaterThan(0);
      for (const s of sections) {
        // A first page of its own, whose footer is empty: a one-page document prints no number.
        expect(s.titlePage, name).toBe(true);
        expect(s.footers.first, name).toBeDefined();
        expect(fieldCodes(s.footers.first!), name).toEqual([]);
        expect(textOf(s.footers.first!).trim(), name).toBe('');
        // Every other page: «Страница {PAGE} из {NUMPAGES}».
        expect(fieldCodes(s.footers.default!), name).toEqual(['PAGE', 'NUMPAGES']);
        expect(textOf(s.footers.default!).replace(/\s+/g, ' ').trim(), name).toBe('Страница из');
      }
    }
  });
});
