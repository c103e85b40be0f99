/**
 * Анкеты шкал Бартела и Лаутона: the questionnaires attached to the act of
 * inspection of living conditions (регламент, Приложение 3: «количество
 * баллов по шкале Бартела (с приложением анкеты)», «... по шкале Лаутона
 * (с приложением анкеты)»). Each item is a small table of all its answer
 * levels with their points; the chosen level is marked «X» and printed in
 * bold. The total and its band close the questionnaire, then the assessor
 * signs. `answers: null` prints a blank questionnaire for a field visit.
 *
 * Items, points and bands come from core/domain/scales.ts; nothing here maps
 * the points to the act's «степень» 0–10.
 */
import { formatRuDate, fullYears } from '../../core/domain/dates';
import {
  BARTHEL_BANDS,
  BARTHEL_ITEMS,
  BARTHEL_MAX,
  LAWTON_BANDS,
  LAWTON_ITEMS,
  LAWTON_MAX,
  chosenOption,
  scoreBarthel,
  scoreLawton,
  type ScaleAnswers,
  type ScaleBand,
  type ScaleItem,
  type ScaleResult,
} from '../../core/domain/scales';
import {
  createDocument,
  para,
  portraitSection,
  run,
  shortName,
  signatureLine,
  spacer,
  table,
  title,
  toBuffer,
  writeOnLines,
  type Cell,
} from './docx-kit';

export interface ScaleQuestionnaireData {
  /** The person assessed; empty strings on a blank for no one in particular. */
  person: { fullName: string; birthDate: string; address?: string | null };
  /** Date of the assessment (ISO); absent on a blank: written by hand. */
  date?: string | null;
  /** Item key -> chosen option index; null for a blank questionnaire. */
  answers: ScaleAnswers | null;
  assessor?: { name: string; position: string };
  /** Number of the act the questionnaire is attached to. */
  actNumber?: string;
}

interface ScaleSpec {
  /** Printed title. */
  title: string;
  /** Document property title prefix. */
  docTitle: string;
  items: readonly ScaleItem[];
  max: number;
  bands: readonly ScaleBand[];
  score: (a: ScaleAnswers) => ScaleResult;
  /** Text after the band list of the key (may be empty). */
  keyNote: string;
}

const BARTHEL: ScaleSpec = {
  title: 'Индекс Бартела (оценка повседневной активности)',
  docTitle: 'Индекс Бартела',
  items: BARTHEL_ITEMS,
  max: BARTHEL_MAX,
  bands: BARTHEL_BANDS,
  score: scoreBarthel,
  keyNote: '',
};

const LAWTON: ScaleSpec = {
  title: 'Шкала Лаутона (оценка инструментальной активности)',
  docTitle: 'Шкала Лаутона',
  items: LAWTON_ITEMS,
  max: LAWTON_MAX,
  bands: LAWTON_BANDS,
  score: scoreLawton,
  keyNote: 'чем меньше сумма, тем больше потребность в посторонней помощи.',
};

const MARK = 'X';
/** Table text, pt: a size smaller than the kit's default keeps each questionnaire within two pages. */
const TABLE_PT = 10.5;
const NOTE_PT = 10;

/** «0–20 баллов — полная зависимость; 21–60 — выраженная зависимость; …; 100 — независимость» */
function keyText(spec: ScaleSpec): string {
  const parts = spec.bands.map((b, i) => {
    const range = b.min === b.max ? String(b.min) : `${b.min}–${b.max}`;
    return `${range}${i === 0 ? ' баллов' : ''} — ${b.label}`;
  });
  return `Интерпретация: ${parts.join('; ')}${spec.keyNote ? `; ${spec.keyNote}` : '.'}`;
}

function itemTable(item: ScaleItem, n: number, answers: ScaleAnswers | null) {
  const chosen = answers ? chosenOption(item, answers) : null;
  const rows: Cell[][] = item.options.map((o) => {
    const bold = o === chosen;
    return [
      { text: o.text, bold },
      { text: String(o.points), bold },
      { text: bold ? MARK : '', bold },
    ];
  });
  const heading = `${n}. ${item.title}${item.note ? `\n(${item.note})` : ''}`;
  return table(
    [
      { title: heading, width: 148, align: 'left' },
      { title: 'Баллы', width: 16, align: 'center' },
      { title: 'Отметка', width: 18, align: 'center' },
    ],
    rows,
    { fontSize: TABLE_PT },
  );
}

function buildQuestionnaire(spec: ScaleSpec, d: ScaleQuestionnaireData): Promise<Buffer> {
  const result = d.answers ? spec.score(d.answers) : null;
  const filledDate = d.date ? formatRuDate(d.date) : null;
  const date = filledDate ?? '«___» ____________ 20___ г.';
  const birth = d.person.birthDate
    ? `${formatRuDate(d.person.birthDate)}${d.date ? ` (полных лет: ${fullYears(d.person.birthDate, d.date)})` : ''}`
    : '____________';

  const items = spec.items.flatMap((item, i) => [itemTable(item, i + 1, d.answers), spacer(4)]);

  const total = result
    ? [
        para(
          [
            run('Сумма баллов: ', { bold: true }),
            run(`${result.score} (из ${spec.max} возможных)`, { bold: true }),
            ...(result.complete ? [] : [run(`; не оценены пункты: ${result.missing.join(', ')}`)]),
          ],
          { before: 4, after: 3, keepNext: true },
        ),
        para([run('Оценка: ', { bold: true }), run(result.band, { bold: result.complete })], {
          after: 3,
          keepNext: true,
        }),
      ]
    : [
        writeOnLines([{ text: 'Сумма баллов: ', bold: true }], { lineMm: 25, end: ` (из ${spec.max} возможных)`, before: 4, keepNext: true }),
        writeOnLines([{ text: 'Оценка: ', bold: true }], { before: 3, keepNext: true }),
        spacer(3),
      ];

  const assessor = d.assessor;
  const children = [
    para(
      [
        'Приложение',
        'к акту обследования условий',
        'жизнедеятельности граждан',
        `от ${filledDate ?? '«___» ________ 20___ г.'} № ${d.actNumber ?? '________'}`,
      ].join('\n'),
      { align: 'right', size: NOTE_PT, after: 4 },
    ),
    ...title(spec.title, { before: 4, after: 6 }),

    d.person.fullName
      ? para([run('Ф.И.О. гражданина: ', { bold: true }), run(d.person.fullName)], { after: 2 })
      : writeOnLines([{ text: 'Ф.И.О. гражданина: ', bold: true }]),
    para(
      [
        run('Дата рождения: ', { bold: true }),
        run(birth),
        run('     Дата обследования: ', { bold: true }),
        run(date),
      ],
      { after: 2 },
    ),
    ...(d.person.address
      ? [para([run('Адрес: ', { bold: true }), run(d.person.address)], { after: 4 })]
      : [writeOnLines([{ text: 'Адрес: ', bold: true }], { before: 2 }), spacer(4)]),
    para(
      'Отметьте знаком «X» один вариант ответа в каждом пункте. Оценивается то, что гражданин действительно выполняет, а не то, что он мог бы выполнить.',
      { italics: true, size: NOTE_PT, align: 'both', after: 4 },
    ),

    ...items,
    ...total,
    para(keyText(spec), { italics: true, size: NOTE_PT, align: 'both', after: 8, keepNext: true }),

    ...(assessor
      ? [para([run('Оценку провел(а): ', { bold: true }), run(`${assessor.position} ${assessor.name}`)], { after: 8, keepNext: true })]
      : [writeOnLines([{ text: 'Оценку провел(а): ', bold: true }], { keepNext: true }), spacer(8)]),
    // A short blank name: the kit's default blank is wider than its column and wraps.
    signatureLine({ name: assessor ? shortName(assessor.name) : '______________', date: filledDate ?? true }),
  ];

  const doc = createDocument({
    title: `${spec.docTitle}: ${d.person.fullName}`,
    subject: `${spec.title} — приложение к акту обследования условий жизнедеятельности`,
    sections: [portraitSection(children)],
  });
  return toBuffer(doc);
}

/** Анкета «Индекс Бартела» (filled, or blank when `answers` is null). */
export function buildBarthelQuestionnaire(d: ScaleQuestionnaireData): Promise<Buffer> {
  return buildQuestionnaire(BARTHEL, d);
}

/** Анкета «Шкала Лаутона» (filled, or blank when `answers` is null). */
export function buildLawtonQuestionnaire(d: ScaleQuestionnaireData): Promise<Buffer> {
  return buildQuestionnaire(LAWTON, d);
}
