/**
 * Barthel and Lawton scales against shared/reference/domain-facts.md,
 * section 3: items, points per answer level, totals, bands, schemas.
 */
import { describe, expect, it } from 'vitest';
import {
  BAND_INCOMPLETE,
  BARTHEL_ITEMS,
  BARTHEL_MAX,
  BarthelAnswers,
  LAWTON_ITEMS,
  LAWTON_MAX,
  LawtonAnswers,
  barthelBand,
  lawtonBand,
  maxScore,
  scoreBarthel,
  scoreLawton,
  type ScaleAnswers,
  type ScaleItem,
} from '../../core/domain/scales';

/** The facts file's tables, item for item, in its order. */
const FACTS_BARTHEL: [string, number[]][] = [
  ['Прием пищи', [10, 5, 0]],
  ['Прием ванны', [5, 0]],
  ['Личная гигиена (персональный туалет)', [5, 0]],
  ['Одевание', [10, 5, 0]],
  ['Контроль дефекации', [10, 5, 0]],
  ['Контроль мочеиспускания', [10, 5, 0]],
  ['Посещение туалета', [10, 5, 0]],
  ['Перемещение (с кровати на стул и обратно)', [15, 10, 5, 0]],
  ['Передвижение (мобильность)', [15, 10, 5, 0]],
  ['Подъем по лестнице', [10, 5, 0]],
];

const FACTS_LAWTON: [string, number[]][] = [
  ['Пользование телефоном', [1, 1, 1, 0]],
  ['Покупки', [1, 0, 0, 0]],
  ['Приготовление пищи', [1, 0, 0, 0]],
  ['Ведение домашнего хозяйства', [1, 1, 1, 1, 0]],
  ['Стирка', [1, 1, 0]],
  ['Пользование транспортом', [1, 1, 1, 0, 0]],
  ['Прием лекарств', [1, 0, 0]],
  ['Управление финансами', [1, 1, 0]],
];

/** Every item answered with the option of index `pick(item)`. */
function answersWith(items: readonly ScaleItem[], pick: (item: ScaleItem) => number): ScaleAnswers {
  return Object.fromEntries(items.map((i) => [i.key, pick(i)]));
}
const best = (items: readonly ScaleItem[]) => answersWith(items, () => 0);
const worst = (items: readonly ScaleItem[]) => answersWith(items, (i) => i.options.length - 1);

describe.each([
  ['Barthel', BARTHEL_ITEMS, FACTS_BARTHEL],
  ['Lawton', LAWTON_ITEMS, FACTS_LAWTON],
] as const)('%s items', (_name, items, facts) => {
  it('match the facts file: titles, order and points of every answer level', () => {
    expect(items.map((i) => [i.title, i.options.map((o) => o.points)])).toEqual(facts);
  });

  it('have unique latin keys and a Russian wording for every level', () => {
    const keys = items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z-]*$/);
    for (const item of items) {
      const texts = item.options.map((o) => o.text);
      expect(new Set(texts).size, item.title).toBe(texts.length);
      for (const t of texts) expect(t, item.title).toMatch(/^[А-ЯЁ][А-Яа-яЁё0-9 ,.;:()«»–—-]+$/);
    }
  });

  it('list the levels most independent first (points never rise)', () => {
    for (const item of items) {
      const p = item.options.map((o) => o.points);
      expect(p, item.title).toEqual([...p].sort((a, b) => b - a));
      expect(p.at(-1), item.title).toBe(0);
    }
  });
});

describe('totals', () => {
  it('Barthel: 10 items, 0–100', () => {
    expect(BARTHEL_ITEMS).toHaveLength(10);
    expect(BARTHEL_MAX).toBe(100);
    expect(maxScore(BARTHEL_ITEMS)).toBe(100);
    expect(scoreBarthel(best(BARTHEL_ITEMS))).toEqual({ score: 100, band: 'независимость', complete: true, missing: [] });
    expect(scoreBarthel(worst(BARTHEL_ITEMS))).toEqual({ score: 0, band: 'полная зависимость', complete: true, missing: [] });
  });

  it('Lawton: 8 items, 0–8', () => {
    expect(LAWTON_ITEMS).toHaveLength(8);
    expect(LAWTON_MAX).toBe(8);
    expect(maxScore(LAWTON_ITEMS)).toBe(8);
    expect(scoreLawton(best(LAWTON_ITEMS))).toEqual({ score: 8, band: 'независимость', complete: true, missing: [] });
    expect(scoreLawton(worst(LAWTON_ITEMS))).toEqual({ score: 0, band: 'полная зависимость', complete: true, missing: [] });
  });

  it('sums the chosen levels', () => {
    // Second level everywhere: 5+0+0+5+5+5+5+10+10+5 = 50.
    expect(scoreBarthel(answersWith(BARTHEL_ITEMS, () => 1)).score).toBe(50);
    // Second level everywhere: 1+0+0+1+1+1+0+1 = 5.
    expect(scoreLawton(answersWith(LAWTON_ITEMS, () => 1)).score).toBe(5);
    // Lawton: a level scoring 1 that is not the first still counts.
    expect(scoreLawton({ ...worst(LAWTON_ITEMS), housekeeping: 3 }).score).toBe(1);
  });
});

describe('bands', () => {
  it('Barthel: five bands with inclusive boundaries', () => {
    const cases: [number, string][] = [
      [0, 'полная зависимость'],
      [20, 'полная зависимость'],
      [21, 'выраженная зависимость'],
      [60, 'выраженная зависимость'],
      [61, 'умеренная зависимость'],
      [90, 'умеренная зависимость'],
      [91, 'легкая зависимость'],
      [99, 'легкая зависимость'],
      [100, 'независимость'],
    ];
    for (const [score, band] of cases) expect(barthelBand(score), String(score)).toBe(band);
  });

  it('Lawton: the endpoints of the facts file, 1–7 partial dependence', () => {
    expect(lawtonBand(0)).toBe('полная зависимость');
    for (let s = 1; s <= 7; s++) expect(lawtonBand(s)).toBe('частичная зависимость');
    expect(lawtonBand(8)).toBe('независимость');
  });

  it('rejects scores off the scale', () => {
    expect(() => barthelBand(-1)).toThrow(/от 0 до 100/);
    expect(() => barthelBand(101)).toThrow(RangeError);
    expect(() => barthelBand(50.5)).toThrow(RangeError);
    expect(() => lawtonBand(9)).toThrow(/от 0 до 8/);
  });
});

describe('incomplete answers', () => {
  it('reports the titles of the unanswered items and gives no band', () => {
    const a = best(BARTHEL_ITEMS);
    delete a.bathing;
    delete a.stairs;
    expect(scoreBarthel(a)).toEqual({
      score: 85,
      band: BAND_INCOMPLETE,
      complete: false,
      missing: ['Прием ванны', 'Подъем по лестнице'],
    });
  });

  it('an empty questionnaire lists every item', () => {
    const r = scoreLawton({});
    expect(r.score).toBe(0);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(FACTS_LAWTON.map(([t]) => t));
  });

  it('scoring refuses unknown items and out-of-range levels', () => {
    expect(() => scoreBarthel({ ...best(BARTHEL_ITEMS), walking: 0 })).toThrow(/неизвестные пункты шкалы: walking/i);
    expect(() => scoreBarthel({ feeding: 3 })).toThrow(/«Прием пищи».*от 0 до 2/);
    expect(() => scoreLawton({ telephone: -1 })).toThrow(RangeError);
  });
});

describe('schemas', () => {
  const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
    (r.error?.issues ?? []).map((i) => i.message);

  it('accept complete and partial answers', () => {
    expect(BarthelAnswers.parse(best(BARTHEL_ITEMS))).toEqual(best(BARTHEL_ITEMS));
    expect(BarthelAnswers.parse({ feeding: 2 })).toEqual({ feeding: 2 });
    expect(LawtonAnswers.parse({})).toEqual({});
    expect(LawtonAnswers.parse({ housekeeping: 4, transport: 4 })).toEqual({ housekeeping: 4, transport: 4 });
  });

  it('reject unknown keys in Russian', () => {
    const r = BarthelAnswers.safeParse({ feeding: 0, walking: 1 });
    expect(r.success).toBe(false);
    expect(messages(r)).toEqual(['Индекс Бартела: неизвестные пункты шкалы: walking']);
    const l = LawtonAnswers.safeParse({ feeding: 0 });
    expect(messages(l)).toEqual(['Шкала Лаутона: неизвестные пункты шкалы: feeding']);
  });

  it('reject option indexes out of range, fractional or not numbers, in Russian', () => {
    for (const bad of [3, -1, 1.5, '1', null]) {
      const r = BarthelAnswers.safeParse({ feeding: bad });
      expect(r.success, String(bad)).toBe(false);
      expect(messages(r), String(bad)).toEqual(['Пункт «Прием пищи»: выберите вариант ответа от 0 до 2']);
    }
    expect(BarthelAnswers.safeParse({ transfer: 3 }).success).toBe(true);
    expect(messages(BarthelAnswers.safeParse({ transfer: 4 }))).toEqual([
      'Пункт «Перемещение (с кровати на стул и обратно)»: выберите вариант ответа от 0 до 3',
    ]);
    expect(messages(LawtonAnswers.safeParse({ housekeeping: 5 }))).toEqual([
      'Пункт «Ведение домашнего хозяйства»: выберите вариант ответа от 0 до 4',
    ]);
  });

  it('reject a value that is not an object, in Russian', () => {
    for (const bad of [null, [], 'x', 5]) {
      const msgs = messages(LawtonAnswers.safeParse(bad));
      expect(msgs, JSON.stringify(bad)).toEqual(['Шкала Лаутона: ответы должны быть перечнем «пункт — номер варианта ответа»']);
    }
  });
});
