/**
 * The scale questionnaires (Индекс Бартела, шкала Лаутона), filled and blank,
 * built from the samples and read back as text through LibreOffice (one line
 * per paragraph or table cell).
 */
import { formatRuDate } from '../../core/domain/dates';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BAND_INCOMPLETE,
  BARTHEL_ITEMS,
  LAWTON_ITEMS,
  barthelBand,
  lawtonBand,
  type ScaleAnswers,
  type ScaleItem,
} from '../../core/domain/scales';
import { buildBarthelQuestionnaire, buildLawtonQuestionnaire } from '../../main/forms/scales';
import { docxText as docxToText, linesAfter, norm, readDocx } from '../helpers/docx-xml';
import {
  SAMPLE_BARTHEL,
  SAMPLE_BARTHEL_SCORE,
  SAMPLE_LAWTON,
  SAMPLE_LAWTON_SCORE,
  SCALE_ACT_NUMBER,
  SCALE_ASSESSOR,
  SCALE_PERSON,
  barthelSample,
  blankScaleSample,
  emptyScaleSample,
  lawtonSample,
} from '../../scripts/form-samples-scales';

const SLOW = 120_000;

/** Lines without soft hyphens / no-break spaces, trimmed. */
function lines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.replace(/\u00ad/g, '').replace(/[\s\u00a0]+/g, ' ').trim());
}


/**
 * Walks the items in order: each heading «N. Title», then each option as
 * three cells (text, points, mark). Returns the marks per item, '' for none.
 */
function readMarks(ls: string[], items: readonly ScaleItem[]): string[][] {
  let at = 0;
  return items.map((item, n) => {
    const heading = ls.indexOf(`${n + 1}. ${item.title}`, at);
    expect(heading, `heading of «${item.title}»`).toBeGreaterThanOrEqual(at);
    at = heading + 1;
    return item.options.map((o) => {
      const i = ls.indexOf(o.text, at);
      expect(i, `option «${o.text}» of «${item.title}»`).toBeGreaterThanOrEqual(at);
      expect(ls[i + 1], `points of «${o.text}»`).toBe(String(o.points));
      at = i + 2;
      return ls[i + 2] ?? '';
    });
  });
}

function expectedMarks(items: readonly ScaleItem[], answers: ScaleAnswers | null): string[][] {
  return items.map((item) => item.options.map((_, i) => (answers && answers[item.key] === i ? 'X' : '')));
}

describe.each([
  {
    name: 'Индекс Бартела',
    heading: 'Индекс Бартела (оценка повседневной активности)',
    build: buildBarthelQuestionnaire,
    items: BARTHEL_ITEMS,
    answers: SAMPLE_BARTHEL,
    score: SAMPLE_BARTHEL_SCORE,
    max: 100,
    band: barthelBand(SAMPLE_BARTHEL_SCORE),
    filled: barthelSample,
  },
  {
    name: 'Шкала Лаутона',
    heading: 'Шкала Лаутона (оценка инструментальной активности)',
    build: buildLawtonQuestionnaire,
    items: LAWTON_ITEMS,
    answers: SAMPLE_LAWTON,
    score: SAMPLE_LAWTON_SCORE,
    max: 8,
    band: lawtonBand(SAMPLE_LAWTON_SCORE),
    filled: lawtonSample,
  },
])('$name questionnaire', (s) => {
  let filled = '';
  let blank = '';
  let blankBuf: Buffer;
  let partial = '';

  beforeAll(async () => {
    filled = docxToText(await s.build(s.filled()));
    blankBuf = await s.build(blankScaleSample());
    blank = docxToText(blankBuf);
    const someAnswers: ScaleAnswers = Object.fromEntries(Object.entries(s.answers).slice(1));
    partial = docxToText(await s.build({ ...s.filled(), answers: someAnswers }));
  }, SLOW);

  it('the sample band is the expected one', () => {
    expect(s.band).toBe(s.name === 'Индекс Бартела' ? 'умеренная зависимость' : 'частичная зависимость');
  });

  it('has the attachment header, the title and the person', () => {
    const t = norm(filled);
    expect(t).toContain(norm('Приложение к акту обследования условий жизнедеятельности граждан'));
    expect(t).toContain(`№ ${SCALE_ACT_NUMBER}`);
    expect(t).toContain(norm(s.heading));
    expect(t).toContain(norm(`Ф.И.О. гражданина: ${SCALE_PERSON.fullName}`));
    expect(t).toContain('дата рождения: 14.09.1942 (полных лет: 82)');
    expect(t).toContain('дата обследования: 12.03.2025');
  });

  it('lists every item with all its answer levels and points, the chosen level marked', () => {
    expect(readMarks(lines(filled), s.items)).toEqual(expectedMarks(s.items, s.answers));
  });

  it('prints the total and the band', () => {
    const t = norm(filled);
    expect(t).toContain(`сумма баллов: ${s.score} (из ${s.max} возможных)`);
    expect(t).toContain(`оценка: ${s.band}`);
    expect(t).toContain('интерпретация:');
  });

  it('has the assessor and the signature line', () => {
    const t = norm(filled);
    expect(t).toContain(norm(`Оценку провел(а): ${SCALE_ASSESSOR.position} ${SCALE_ASSESSOR.name}`));
    expect(t).toContain('/ петрова м. и. /');
    expect(t).toContain('(подпись)');
  });

  it('the blank questionnaire lists the items with nothing marked and no score', () => {
    expect(readMarks(lines(blank), s.items)).toEqual(expectedMarks(s.items, null));
    const t = norm(blank);
    expect(t).toContain(norm(s.heading));
    // The score, the band and the assessor are lines to write on: label, line (''), and what follows it.
    const doc = readDocx(blankBuf);
    expect(linesAfter(doc, 'Сумма баллов:').rows[0]).toEqual(['сумма баллов:', '', `(из ${s.max} возможных)`]);
    expect(linesAfter(doc, 'Оценка:').rows[0]).toEqual(['оценка:', '']);
    expect(linesAfter(doc, 'Оценку провел(а):').rows[0]).toEqual(['оценку провел(а):', '']);
    expect(t).not.toMatch(/сумма баллов: \d/);
    expect(t).not.toContain(`оценка: ${s.band}`);
    expect(lines(blank)).not.toContain('X');
  });

  it('a blank from a case carries the person, and leaves the date of the assessment to be written by hand', () => {
    const t = norm(blank);
    const p = blankScaleSample().person;
    expect(t).toContain(norm(`Ф.И.О. гражданина: ${p.fullName}`));
    expect(t).toContain(norm(`Дата рождения: ${formatRuDate(p.birthDate)}`));
    expect(t).toContain(norm(`Адрес: ${p.address}`));
    expect(t).toContain(norm('Дата обследования: «___» ____________ 20___ г.'));
    expect(t).not.toMatch(/полных лет/);
  });

  it('a blank for no one prints lines for the name, the birth date and the address', async () => {
    const buf = await s.build(emptyScaleSample());
    const doc = readDocx(buf);
    expect(linesAfter(doc, 'Ф.И.О. гражданина:').rows[0]).toEqual(['ф.и.о. гражданина:', '']);
    expect(norm(docxToText(buf))).toMatch(/дата рождения: _{8,}/);
    expect(linesAfter(doc, 'Адрес:').rows[0]).toEqual(['адрес:', '']);
  });

  it('an incomplete questionnaire names the unanswered item and gives no band', () => {
    const first = s.items[0]!;
    const t = norm(partial);
    expect(t).toContain(`не оценены пункты: ${norm(first.title)}`);
    expect(t).toContain(`оценка: ${BAND_INCOMPLETE}`);
    expect(t).not.toContain(`оценка: ${s.band}`);
  });
});
