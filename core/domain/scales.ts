/**
 * Assessment scales attached to the act of inspection of living conditions
 * (Акт обследования условий жизнедеятельности граждан, Приложение 3 к
 * регламенту, приказ Депсоцразвития Югры от 20.07.2015 N 27-нп). The act
 * asks for «количество баллов по шкале Бартела (с приложением анкеты)»,
 * «количество баллов по шкале Лаутона (с приложением анкеты)» and their sum;
 * it gives no key of its own and no formula from the points to its
 * «степень» 0–10, which the specialist chooses. Nothing here maps the scales
 * to that degree, on purpose.
 *
 * Points per answer level: shared/reference/domain-facts.md, section 3.
 * Wording of the answer levels: the Russian translation published in the
 * clinical guidelines «Старческая астения» (Российская ассоциация
 * геронтологов и гериатров), Приложение Г — «Шкала базовой активности в
 * повседневной жизни (индекс Бартела)» and «Шкала оценки инструментальной
 * функциональной активности в повседневной жизни (шкала Лаутона)», put in
 * the third person. The guidelines print the Barthel index with one combined
 * item «Контроль тазовых функций» (20/10/0); the facts file (and the
 * original 10-item index) keeps bowels and bladder apart at 10/5/0 each, so
 * those two items use the usual Russian wording of the 10-item index.
 *
 * Answers: item key -> index of the chosen option in `options` (0 = the
 * first, most independent, level). A missing key is an unanswered item.
 *
 * Pure data and functions, no I/O.
 */
import { z } from 'zod';

export interface ScaleOption {
  points: number;
  /** Russian wording of the answer level. */
  text: string;
}

export interface ScaleItem {
  /** Stable latin slug, unique within the scale. */
  key: string;
  /** Russian item title as in the facts file. */
  title: string;
  /** What the item covers, printed under the title (optional). */
  note?: string;
  /** All answer levels, most independent first. */
  options: readonly ScaleOption[];
}

/** Item key -> index of the chosen option. */
export type ScaleAnswers = Record<string, number>;

/** Answers as the schemas parse them: an absent key and `undefined` both mean unanswered. */
export type PartialScaleAnswers = Partial<ScaleAnswers>;

export interface ScaleResult {
  /** Sum of the points of the answered items. */
  score: number;
  /** Russian band of the score; `BAND_INCOMPLETE` while items are unanswered. */
  band: string;
  /** Every item answered. */
  complete: boolean;
  /** Titles of the unanswered items, in scale order. */
  missing: string[];
}

export interface ScaleBand {
  min: number;
  max: number;
  label: string;
}

// ------------------------------------------------------------------ Barthel

export const BARTHEL_MAX = 100;

export const BARTHEL_ITEMS: readonly ScaleItem[] = [
  {
    key: 'feeding',
    title: 'Прием пищи',
    options: [
      { points: 10, text: 'Не нуждается в помощи, способен самостоятельно пользоваться всеми необходимыми столовыми приборами' },
      { points: 5, text: 'Частично нуждается в помощи, например, при разрезании пищи' },
      { points: 0, text: 'Полностью зависим от окружающих (необходимо кормление с посторонней помощью)' },
    ],
  },
  {
    key: 'bathing',
    title: 'Прием ванны',
    options: [
      { points: 5, text: 'Принимает ванну без посторонней помощи' },
      { points: 0, text: 'Нуждается в посторонней помощи' },
    ],
  },
  {
    key: 'grooming',
    title: 'Личная гигиена (персональный туалет)',
    note: 'умывание лица, причесывание, чистка зубов, бритье',
    options: [
      { points: 5, text: 'Не нуждается в помощи' },
      { points: 0, text: 'Нуждается в помощи' },
    ],
  },
  {
    key: 'dressing',
    title: 'Одевание',
    options: [
      { points: 10, text: 'Не нуждается в посторонней помощи' },
      { points: 5, text: 'Частично нуждается в помощи, например, при одевании обуви, застегивании пуговиц и т. д.' },
      { points: 0, text: 'Полностью нуждается в посторонней помощи' },
    ],
  },
  {
    key: 'bowels',
    title: 'Контроль дефекации',
    options: [
      { points: 10, text: 'Полный контроль дефекации; при необходимости может использовать клизму или свечи, не нуждается в помощи' },
      { points: 5, text: 'Случайные инциденты (не чаще 1 раза в неделю) либо требуется помощь при использовании клизмы, свечей' },
      { points: 0, text: 'Недержание (или нуждается в применении клизмы, которую ставит ухаживающее лицо)' },
    ],
  },
  {
    key: 'bladder',
    title: 'Контроль мочеиспускания',
    options: [
      {
        points: 10,
        text: 'Полный контроль мочеиспускания (в том числе при катетеризации мочевого пузыря, если самостоятельно управляется с катетером)',
      },
      { points: 5, text: 'Случайные инциденты (не чаще 1 раза в сутки)' },
      { points: 0, text: 'Недержание, или используется катетер, управлять которым самостоятельно не может' },
    ],
  },
  {
    key: 'toilet',
    title: 'Посещение туалета',
    options: [
      { points: 10, text: 'Не нуждается в помощи' },
      {
        points: 5,
        text: 'Частично нуждается в помощи (удержание равновесия, использование туалетной бумаги, снятие и одевание брюк и т. д.)',
      },
      { points: 0, text: 'Нуждается в использовании судна, утки' },
    ],
  },
  {
    key: 'transfer',
    title: 'Перемещение (с кровати на стул и обратно)',
    options: [
      { points: 15, text: 'Не нуждается в помощи' },
      { points: 10, text: 'Нуждается в наблюдении или минимальной поддержке' },
      { points: 5, text: 'Может сесть в постели, но для того, чтобы встать, нужна существенная поддержка' },
      { points: 0, text: 'Не способен встать с постели даже с посторонней помощью' },
    ],
  },
  {
    key: 'mobility',
    title: 'Передвижение (мобильность)',
    options: [
      { points: 15, text: 'Может без посторонней помощи передвигаться на расстояния до 500 м' },
      { points: 10, text: 'Может передвигаться с посторонней помощью в пределах 500 м' },
      { points: 5, text: 'Может передвигаться с помощью инвалидной коляски' },
      { points: 0, text: 'Не способен к передвижению' },
    ],
  },
  {
    key: 'stairs',
    title: 'Подъем по лестнице',
    options: [
      { points: 10, text: 'Не нуждается в помощи' },
      { points: 5, text: 'Нуждается в наблюдении или поддержке' },
      { points: 0, text: 'Не способен подниматься по лестнице даже с поддержкой' },
    ],
  },
];

/** Bands used in Russian practice (facts file, section 3); boundaries inclusive. */
export const BARTHEL_BANDS: readonly ScaleBand[] = [
  { min: 0, max: 20, label: 'полная зависимость' },
  { min: 21, max: 60, label: 'выраженная зависимость' },
  { min: 61, max: 90, label: 'умеренная зависимость' },
  { min: 91, max: 99, label: 'легкая зависимость' },
  { min: 100, max: 100, label: 'независимость' },
];

// ------------------------------------------------------------------ Lawton

export const LAWTON_MAX = 8;

export const LAWTON_ITEMS: readonly ScaleItem[] = [
  {
    key: 'telephone',
    title: 'Пользование телефоном',
    options: [
      { points: 1, text: 'Пользуется телефоном по собственной инициативе, набирает номера' },
      { points: 1, text: 'Набирает несколько известных номеров' },
      { points: 1, text: 'Отвечает на телефонные звонки, но сам номера не набирает' },
      { points: 0, text: 'Не пользуется телефоном вообще' },
    ],
  },
  {
    key: 'shopping',
    title: 'Покупки',
    options: [
      { points: 1, text: 'Совершает самостоятельно все необходимые покупки' },
      { points: 0, text: 'Совершает самостоятельно небольшие покупки' },
      { points: 0, text: 'Требуется сопровождение при любом посещении магазина' },
      { points: 0, text: 'Полностью не в состоянии делать покупки' },
    ],
  },
  {
    key: 'food',
    title: 'Приготовление пищи',
    options: [
      { points: 1, text: 'Планирует, готовит и подает необходимую пищу самостоятельно' },
      { points: 0, text: 'Готовит необходимую пищу, если ему предоставили ингредиенты' },
      { points: 0, text: 'Разогревает и подает пищу или готовит пищу, но не соблюдает необходимую диету' },
      { points: 0, text: 'Нуждается в том, чтобы пищу ему готовили и подавали' },
    ],
  },
  {
    key: 'housekeeping',
    title: 'Ведение домашнего хозяйства',
    options: [
      { points: 1, text: 'Справляется с работой по дому самостоятельно или с редкой помощью (например, при выполнении тяжелой работы)' },
      { points: 1, text: 'Выполняет простую работу по дому, например, мытье посуды, заправку кровати' },
      { points: 1, text: 'Выполняет простую работу по дому, но не может поддерживать должный уровень чистоты' },
      { points: 1, text: 'Нуждается в помощи при выполнении любой работы по дому' },
      { points: 0, text: 'Не участвует ни в какой работе по дому' },
    ],
  },
  {
    key: 'laundry',
    title: 'Стирка',
    options: [
      { points: 1, text: 'Полностью самостоятельно справляется со стиркой' },
      { points: 1, text: 'Стирает мелкие вещи (полощет носки, чулки)' },
      { points: 0, text: 'Вся стирка должна осуществляться другими' },
    ],
  },
  {
    key: 'transport',
    title: 'Пользование транспортом',
    options: [
      { points: 1, text: 'Путешествует самостоятельно на общественном транспорте или водит машину' },
      { points: 1, text: 'Вызывает такси, но не пользуется другим общественным транспортом' },
      { points: 1, text: 'Путешествует на общественном транспорте в сопровождении' },
      { points: 0, text: 'Ограниченно путешествует на такси или машине в сопровождении других' },
      { points: 0, text: 'Не путешествует совсем' },
    ],
  },
  {
    key: 'medication',
    title: 'Прием лекарств',
    options: [
      { points: 1, text: 'Принимает лекарства самостоятельно в нужной дозировке в нужное время' },
      { points: 0, text: 'Принимает лекарства, если они были заранее подготовлены в отдельных дозах' },
      { points: 0, text: 'Не способен самостоятельно принимать лекарства' },
    ],
  },
  {
    key: 'finances',
    title: 'Управление финансами',
    options: [
      {
        points: 1,
        text: 'Самостоятельно распоряжается финансами (составляет бюджет, оплачивает счета, ходит в банк), собирает и отслеживает доходы',
      },
      { points: 1, text: 'Распоряжается деньгами при ежедневных покупках, но нуждается в помощи при операциях с банком, крупных покупках' },
      { points: 0, text: 'Не способен распоряжаться деньгами' },
    ],
  },
];

/**
 * Lawton bands. The scale's key (facts file; the guidelines say the same)
 * names only the endpoints: 0 — полная зависимость от посторонней помощи,
 * 8 — независимость. Published sources set no graded thresholds between
 * them, so 1–7 is read plainly as «частичная зависимость» (some activities
 * need help; the lower the score, the more help is needed) and no finer
 * clinical grades are invented.
 */
export const LAWTON_BANDS: readonly ScaleBand[] = [
  { min: 0, max: 0, label: 'полная зависимость' },
  { min: 1, max: 7, label: 'частичная зависимость' },
  { min: 8, max: 8, label: 'независимость' },
];

/** The band shown while some items are unanswered: a partial sum has no band. */
export const BAND_INCOMPLETE = 'не определена: оценены не все пункты';

// ------------------------------------------------------------------ scoring

function bandOf(bands: readonly ScaleBand[], max: number, score: number): string {
  if (!Number.isInteger(score) || score < 0 || score > max) {
    throw new RangeError(`Недопустимое количество баллов: ${score} (допустимо от 0 до ${max})`);
  }
  return bands.find((b) => score >= b.min && score <= b.max)!.label;
}

/** 0–20 полная, 21–60 выраженная, 61–90 умеренная, 91–99 легкая зависимость, 100 независимость. */
export function barthelBand(score: number): string {
  return bandOf(BARTHEL_BANDS, BARTHEL_MAX, score);
}

/** 0 полная зависимость, 1–7 частичная зависимость, 8 независимость (see LAWTON_BANDS). */
export function lawtonBand(score: number): string {
  return bandOf(LAWTON_BANDS, LAWTON_MAX, score);
}

/** The chosen option of an item, or null when unanswered. Throws on an index out of range. */
export function chosenOption(item: ScaleItem, answers: PartialScaleAnswers | null | undefined): ScaleOption | null {
  const idx = answers?.[item.key];
  if (idx === undefined || idx === null) return null;
  const opt = Number.isInteger(idx) ? item.options[idx] : undefined;
  if (!opt) {
    throw new RangeError(
      `Пункт «${item.title}»: недопустимый номер варианта ответа ${String(idx)} (допустимо от 0 до ${item.options.length - 1})`,
    );
  }
  return opt;
}

function scoreScale(
  items: readonly ScaleItem[],
  answers: PartialScaleAnswers,
  band: (score: number) => string,
): ScaleResult {
  const known = new Set(items.map((i) => i.key));
  const unknown = Object.keys(answers).filter((k) => !known.has(k) && answers[k] !== undefined);
  if (unknown.length > 0) throw new RangeError(`Неизвестные пункты шкалы: ${unknown.join(', ')}`);
  let score = 0;
  const missing: string[] = [];
  for (const item of items) {
    const opt = chosenOption(item, answers);
    if (opt) score += opt.points;
    else missing.push(item.title);
  }
  const complete = missing.length === 0;
  return { score, band: complete ? band(score) : BAND_INCOMPLETE, complete, missing };
}

/** Barthel index: sum of the chosen options, 0–100. */
export function scoreBarthel(answers: PartialScaleAnswers): ScaleResult {
  return scoreScale(BARTHEL_ITEMS, answers, barthelBand);
}

/** Lawton IADL: sum of the chosen options, 0–8. */
export function scoreLawton(answers: PartialScaleAnswers): ScaleResult {
  return scoreScale(LAWTON_ITEMS, answers, lawtonBand);
}

/** Highest possible total of a scale (sum of each item's best option). */
export function maxScore(items: readonly ScaleItem[]): number {
  return items.reduce((s, i) => s + Math.max(...i.options.map((o) => o.points)), 0);
}

// ------------------------------------------------------------------ schemas

function answersSchema(scaleName: string, items: readonly ScaleItem[]) {
  const shape: Record<string, z.ZodOptional<z.ZodNumber>> = {};
  for (const item of items) {
    const last = item.options.length - 1;
    const msg = `Пункт «${item.title}»: выберите вариант ответа от 0 до ${last}`;
    shape[item.key] = z
      .number({ error: msg })
      .int({ error: msg })
      .min(0, { error: msg })
      .max(last, { error: msg })
      .optional();
  }
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') {
        return `${scaleName}: неизвестные пункты шкалы: ${iss.keys.join(', ')}`;
      }
      if (iss.code === 'invalid_type') {
        return `${scaleName}: ответы должны быть перечнем «пункт — номер варианта ответа»`;
      }
      return undefined;
    },
  });
}

/**
 * API input of the Barthel answers: only known item keys, each an option
 * index in range; items may be missing (an assessment in progress).
 */
export const BarthelAnswers = answersSchema('Индекс Бартела', BARTHEL_ITEMS);
export type BarthelAnswers = z.infer<typeof BarthelAnswers>;

/** API input of the Lawton answers (same rules as BarthelAnswers). */
export const LawtonAnswers = answersSchema('Шкала Лаутона', LAWTON_ITEMS);
export type LawtonAnswers = z.infer<typeof LawtonAnswers>;
