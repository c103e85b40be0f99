/**
 * Приложение 3 к регламенту: «Акт обследования условий жизнедеятельности
 * граждан» and «Акт обследования условий жизнедеятельности семей», printed
 * in the regulation's wording and order.
 *
 * Two modes:
 * - filled (`act` given): the values are written on the form's lines
 *   (underlined, as if written by hand on them) and every «нужное
 *   подчеркнуть» choice prints all its options with the chosen ones
 *   underlined; a field left empty prints its blank line, so a draft can be
 *   completed by hand;
 * - blank (`act: null` or `blank: true`) for field visits: empty lines and
 *   table cells, all options printed plainly for underlining. Only the
 *   `person` fields (name, address, date of birth, sex) are filled in.
 *
 * The act-writing helpers (`ActWriter`, `actHeader`, `signatureBlock`, …)
 * are shared with the Appendix 4 form (appendix4.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
} from 'docx';
import {
  ABILITY_LOSS,
  ABILITY_LOSS_LABELS,
  ADAPTATION_DEGREES,
  ADAPTATION_DEGREE_LABELS,
  CITIZEN_CATEGORIES,
  CITIZEN_CATEGORY_LABELS,
  CITIZEN_HEATING,
  CITIZEN_HEATING_LABELS,
  CITIZEN_HOUSING_TYPE_LABELS,
  CITIZEN_WATER,
  CITIZEN_WATER_LABELS,
  COMPENSATION_DRIVE,
  COMPENSATION_DRIVE_LABELS,
  DEGREES,
  FAMILY_AMENITY_LABELS,
  FAMILY_CIRCUMSTANCES,
  FAMILY_CIRCUMSTANCE_LABELS,
  FAMILY_CONFLICT_LABELS,
  FAMILY_HEATING,
  FAMILY_HEATING_LABELS,
  FAMILY_HOUSING_TYPES,
  FAMILY_HOUSING_TYPE_LABELS,
  FAMILY_SOCIAL_STATUSES,
  FAMILY_SOCIAL_STATUS_LABELS,
  FAMILY_STATUS_LABELS,
  HELP_KINDS,
  HELP_KIND_LABELS,
  HELP_REASON_LABELS,
  HOUSEHOLD_RELATIONS,
  HOUSEHOLD_RELATIONS_LABELS,
  HOUSING_OWNERSHIP_KINDS,
  HOUSING_OWNERSHIP_KIND_LABELS,
  HOUSING_OWNER_LABELS,
  INTEGRATION_ABILITY,
  INTEGRATION_ABILITY_LABELS,
  NO_RELATIVES_SCOPES,
  NO_RELATIVES_SCOPE_LABELS,
  POSITIVE_FACTORS,
  POSITIVE_FACTOR_LABELS,
  PREVENTION_MEASURE_LABELS,
  RELATION_TRAIT_LABELS,
  REPAIR_NEEDS,
  REPAIR_NEED_LABELS,
  RISK_FACTOR_LABELS,
  SANITARY_STATES,
  SANITARY_STATE_LABELS,
  YES_NO_LABELS,
  degreeLabel,
  type ActSex,
  type ActSigner,
  type Appendix3CitizenAct,
  type Appendix3FamilyAct,
  type CitizenCategory,
  type DisabilityGroup,
  type RelationTrait,
  type YesNo,
} from '../../core/api/acts';
import { formatRuDate, isIsoDate, isoParts } from '../../core/domain/dates';
import {
  FONT_SIZE,
  createDocument,
  layoutGrid,
  portraitSection,
  spanRuns,
  table,
  textWidthMm,
  title,
  toBuffer,
  writeOnLines,
  type Cell,
  type Column,
  type Span,
} from './docx-kit';

// ================================================================== shared act helpers

/** The applicant as the office knows him: fills the header when the act leaves it empty (and on blank forms). */
export interface ActPerson {
  fullName: string;
  /** ISO date. */
  birthDate?: string;
  sex?: ActSex;
  /** Address of residence. */
  address?: string;
}

/** The office that prints the act (document properties only: the act names the centre, not the office). */
export interface ActOffice {
  name: string;
}

export interface ActFormData<A> {
  act: A | null;
  person?: ActPerson;
  office?: ActOffice;
  /** Print the empty form for a field visit even when `act` is given. */
  blank?: boolean;
}

const hp = (pt: number): number => Math.round(pt * 2);
const twip = (pt: number): number => Math.round(pt * 20);

const TEXT_TWIPS = convertMillimetersToTwip(textWidthMm());

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** 18540.25 -> '18 540,25' (no-break space between groups); `money` keeps two decimals. */
export function ruNumber(n: number, money = false): string {
  const fixed = money ? n.toFixed(2) : String(Math.round(n * 100) / 100);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return frac ? `${grouped},${frac}` : grouped;
}

/** Where a piece list leaves the rest of its line blank, to write on by hand. */
const FILL = { fill: true } as const;
type Fill = typeof FILL;
type Piece = Span | Fill;

/** «хорошее/удовлетворительное/…» may break after a slash (zero-width space), else justified lines stretch. */
const breakable = (sep: string): string => (sep === '/' ? '/\u200b' : sep);

const textOf = (x: Span): string => (typeof x === 'string' ? x : x.text);

export interface LineOptions {
  bold?: boolean;
  before?: number;
  after?: number;
  keepNext?: boolean;
  align?: 'left' | 'both' | 'center';
  pageBreakBefore?: boolean;
}

/**
 * Writes the act's paragraphs in one mode. `blank` prints no data; in the
 * filled mode values are underlined and chosen options underlined.
 */
export class ActWriter {
  constructor(readonly blank: boolean) {}

  /** A value as written on its line: underlined; the blank line (`len` underscores) when empty or on a blank form. */
  val(value: string | number | undefined | null, len = 12, force = false): Span {
    const v = this.text(value, force);
    return v ? { text: v, underline: true } : '_'.repeat(len);
  }

  /** The value to print: nothing on a blank form unless `force` (the person's data on a blank form). */
  private text(value: string | number | undefined | null, force = false): string {
    return (this.blank && !force) || value === undefined || value === null ? '' : String(value).trim();
  }

  /** An option of a choice: underlined when chosen (on a blank form only when `force`). */
  opt(text: string, chosen: boolean | undefined, force = false): Span {
    return { text, underline: Boolean(chosen && (force || !this.blank)) };
  }

  /** The rest of the line, left blank to write on (a line drawn to the margin: docx-kit `writeOnLines`). */
  fill(): Fill {
    return FILL;
  }

  /** A value on its line, or the rest of the line to fill in by hand. */
  valOrFill(value: string | number | undefined | null, force = false): Span | Fill {
    const v = this.text(value, force);
    return v ? { text: v, underline: true } : FILL;
  }

  /** Options joined by `sep`, the chosen ones underlined. */
  options<C extends string>(codes: readonly C[], labels: Record<C, string>, chosen: readonly C[] | C | undefined, sep = ', '): Span[] {
    const set = new Set<string>(chosen === undefined ? [] : typeof chosen === 'string' ? [chosen] : chosen);
    const out: Span[] = [];
    codes.forEach((c, i) => {
      if (i > 0) out.push(breakable(sep));
      out.push(this.opt(labels[c], set.has(c)));
    });
    return out;
  }

  /** «да/нет» with the chosen one underlined. */
  yesNo(v: YesNo | undefined, sep = '/'): Span[] {
    return [this.opt(YES_NO_LABELS.yes, v === 'yes'), breakable(sep), this.opt(YES_NO_LABELS.no, v === 'no')];
  }

  /**
   * A justified paragraph of text pieces; one with a `fill()` becomes a line
   * to write on: the pieces before it, the line, the text after it, and
   * `extra` whole lines under it.
   */
  p(pieces: Piece[], o: LineOptions & { extra?: number } = {}): FileChild {
    const at = pieces.indexOf(FILL);
    if (at >= 0) {
      const end = pieces.slice(at + 1).filter((x): x is Span => x !== FILL).map(textOf).join('');
      return writeOnLines(pieces.slice(0, at) as Span[], { end, extra: o.extra, bold: o.bold, before: o.before, keepNext: o.keepNext });
    }
    return new Paragraph({
      pageBreakBefore: o.pageBreakBefore,
      alignment:
        o.align === 'center' ? AlignmentType.CENTER : o.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
      spacing: { before: twip(o.before ?? 0), after: twip(o.after ?? 2) },
      keepNext: o.keepNext,
      children: spanRuns(pieces as Span[], { bold: o.bold }),
    });
  }

  /** `count` whole empty lines to write on, `end` after the first. */
  line(end = '', count = 1): FileChild {
    return writeOnLines([], { end, extra: count - 1 });
  }

  /**
   * «label value» or «label ______», then `extra` more blank lines when the
   * value is empty (the form gives several lines for long answers).
   */
  field(
    label: string,
    value: string | number | undefined | null,
    o: { end?: string; extra?: number; keepNext?: boolean; force?: boolean; before?: number; align?: 'left' | 'both' } = {},
  ): FileChild[] {
    const filled = this.text(value, o.force) !== '';
    return [
      this.p([label ? `${label} ` : '', this.valOrFill(value, o.force), o.end ?? ''], {
        keepNext: o.keepNext,
        before: o.before,
        align: o.align,
        extra: filled ? 0 : o.extra,
      }),
    ];
  }

  /** A bold caption line («Физическое здоровье:»). */
  caption(text: string, o: { center?: boolean; before?: number } = {}): FileChild {
    return this.p([text], { bold: true, before: o.before ?? 4, keepNext: true, align: o.center ? 'center' : 'left' });
  }

  /** «от "12" марта 2025 г.» parts: «"__" ______ 20__ г.» when empty. */
  date(iso: string | undefined | null): Span[] {
    if (this.blank || !iso || !isIsoDate(iso)) return ['«____» ________________ 20___ г.'];
    const { year, month, day } = isoParts(iso);
    return [
      '«',
      { text: String(day).padStart(2, '0'), underline: true },
      '» ',
      { text: MONTHS_GENITIVE[month - 1]!, underline: true },
      ' ',
      { text: String(year), underline: true },
      ' г.',
    ];
  }

  /** 'ДД.ММ.ГГГГ' of an ISO date, or undefined. */
  shortDate(iso: string | undefined | null): string | undefined {
    return !this.blank && iso && isIsoDate(iso) ? formatRuDate(iso) : undefined;
  }
}

/** «Приложение N к Административному регламенту …», small, at the top right. */
export function appendixMark(n: number): Paragraph[] {
  const lines = [
    `Приложение ${n}`,
    'к Административному регламенту',
    'предоставления государственной услуги',
    'по признанию граждан нуждающимися',
    'в социальном обслуживании и составлению',
    'индивидуальной программы предоставления',
    'социальных услуг',
  ];
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 0, after: twip(6) },
      children: lines.map((l, i) => new TextRun({ text: l, size: hp(9), break: i === 0 ? undefined : 1 })),
    }),
  ];
}

/**
 * The act's title, «от "__" ___ 20__ г. … N ___», the organisation's line
 * with its caption, «Ф.И.О.» (the person's name, also on a blank form).
 */
export function actHeader(
  w: ActWriter,
  titleLines: string[],
  h: { date?: string; number?: string; organization?: string },
  fullName: { act?: string; person?: string },
): FileChild[] {
  const orgValue = w.blank ? '' : (h.organization ?? '').trim();
  return [
    ...title(titleLines, { before: 0, after: 6 }),
    // The date on the left, the number on the right: two cells (a right tab stop is drawn nowhere in the in-app preview).
    layoutGrid(
      [Math.floor(TEXT_TWIPS * 0.6), TEXT_TWIPS - Math.floor(TEXT_TWIPS * 0.6)],
      [
        new TableRow({
          children: [
            new TableCell({
              width: { size: Math.floor(TEXT_TWIPS * 0.6), type: WidthType.DXA },
              children: [new Paragraph({ spacing: { after: twip(6) }, children: spanRuns(['от ', ...w.date(h.date)]) })],
            }),
            new TableCell({
              width: { size: TEXT_TWIPS - Math.floor(TEXT_TWIPS * 0.6), type: WidthType.DXA },
              children: [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: twip(6) }, children: spanRuns(['№ ', w.val(h.number, 10)]) })],
            }),
          ],
        }),
      ],
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: twip(6), after: 0 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, space: 1, color: '000000' } },
      children: [new TextRun(orgValue || ' ')],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: twip(4) },
      children: [new TextRun({ text: '(наименование организации социального обслуживания)', size: hp(9) })],
    }),
    ...personField(w, 'Ф.И.О.', fullName.act, fullName.person),
  ];
}

/** A field of the act that falls back to the person's data, printed on blank forms too. */
export function personField(
  w: ActWriter,
  label: string,
  actValue: string | undefined,
  personValue: string | undefined,
  o: { extra?: number; end?: string } = {},
): FileChild[] {
  const value = w.blank ? personValue : (actValue ?? personValue);
  return w.field(label, value, { ...o, force: true });
}

/** «Категория гражданина (нужное подчеркнуть): …» (Appendix 3 citizen and Appendix 4). */
export function categoryParagraph(w: ActWriter, categories: CitizenCategory[] | undefined, group: DisabilityGroup | undefined): FileChild {
  const set = new Set(categories ?? []);
  const pieces: Piece[] = ['Категория гражданина (нужное подчеркнуть): '];
  CITIZEN_CATEGORIES.forEach((c, i) => {
    if (i > 0) pieces.push('; ');
    if (c === 'disabled') {
      const on = set.has('disabled') && !w.blank;
      const g = on && group ? group : '__________';
      pieces.push(w.opt(`инвалид ${g} группы`, on));
    } else {
      pieces.push(w.opt(CITIZEN_CATEGORY_LABELS[c], set.has(c)));
    }
  });
  pieces.push('.');
  return w.p(pieces, { before: 4 });
}

const SIGN_W = [0.5, 0.09, 0.29, 0.12].map((k) => Math.floor(TEXT_TWIPS * k));

function signCell(text: string, i: number, line: boolean, align: 'left' | 'center' = 'left', above?: string): TableCell {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  const paragraph = (t: string, size: number) =>
    new Paragraph({
      alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [new TextRun({ text: t, size: hp(size) })],
    });
  return new TableCell({
    width: { size: SIGN_W[i]!, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.BOTTOM,
    borders: {
      top: none,
      left: none,
      right: none,
      bottom: line ? { style: BorderStyle.SINGLE, size: 4, color: '000000' } : none,
    },
    children: [...(above ? [paragraph(above, 10)] : []), paragraph(text, FONT_SIZE)],
  });
}

/**
 * «_____________ Ф.И.О. _____________ подпись» lines, one per person (empty
 * lines on a blank form), and the date under them when given: one short
 * table, so the date never goes to a page of its own.
 */
export function signatureRows(w: ActWriter, people: ActSigner[] | undefined, blankCount: number, date?: Span[]): Table {
  const list = w.blank || !people || people.length === 0 ? Array.from({ length: blankCount }, () => ({}) as ActSigner) : people;
  const total = SIGN_W.reduce((s, x) => s + x, 0);
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  // The position (for those present: status or relationship) in small type above the name.
  return layoutGrid(
    SIGN_W,
    [
      ...list.map((s) => {
        const name = w.blank ? '' : (s.fullName ?? '');
        const position = w.blank ? undefined : s.position;
        return new TableRow({
          cantSplit: true,
          height: { value: twip(24), rule: 'atLeast' },
          children: [
            signCell(name, 0, true, 'left', position),
            signCell('Ф.И.О.', 1, false, 'center'),
            signCell('', 2, true),
            signCell('подпись', 3, false),
          ],
        });
      }),
      ...(date
        ? [
            new TableRow({
              cantSplit: true,
              children: [
                new TableCell({
                  width: { size: total, type: WidthType.DXA },
                  columnSpan: SIGN_W.length,
                  borders: { top: none, left: none, right: none, bottom: none },
                  margins: { left: 0 },
                  children: [new Paragraph({ spacing: { before: twip(4), after: twip(2) }, children: spanRuns(date) })],
                }),
              ],
            }),
          ]
        : []),
    ],
    { left: 40, right: 40 },
  );
}

/**
 * The closing block: «… составил:», «Присутствовали при составлении …:»,
 * the date, and the citizen's confirmation and consent.
 */
export function signatureBlock(
  w: ActWriter,
  o: {
    compiledCaption: string;
    presentCaption: string;
    compiledBy?: ActSigner[];
    present?: ActSigner[];
    /** Date under those present (the act's date when empty). */
    date?: string;
    citizenLines: string[];
    citizenName?: string;
    citizenDate?: string;
  },
): FileChild[] {
  return [
    w.p([o.compiledCaption], { before: 8, keepNext: true }),
    signatureRows(w, o.compiledBy, 1),
    w.p([o.presentCaption], { before: 8, keepNext: true }),
    signatureRows(w, o.present, 2, w.date(o.date)),
    w.p(['Гражданин:'], { before: 8, keepNext: true }),
    ...o.citizenLines.map((l) => w.p([l], { keepNext: true })),
    signatureRows(w, w.blank || !o.citizenName ? undefined : [{ fullName: o.citizenName }], 1, w.date(o.citizenDate)),
  ];
}

/** The citizen's statements common to the acts. */
export const CITIZEN_CONFIRMATION = 'достоверность и полноту настоящих сведений подтверждаю;';
export const CITIZEN_PD_CONSENT =
  'на обработку персональных данных о себе в соответствии со статьей 9 Федерального закона от 27 июля 2006 года № 152-ФЗ «О персональных данных» согласен (на)';

/** A table with `count` empty two-line rows to fill by hand. */
export function blankRows(columns: number, count: number): Cell[][] {
  return Array.from({ length: count }, () => Array.from({ length: columns }, () => ' \n '));
}

/** The act's documents: one A4 portrait section. */
export async function actDocument(docTitle: string, office: ActOffice | undefined, children: FileChild[]): Promise<Buffer> {
  return toBuffer(
    createDocument({
      title: docTitle,
      subject: office ? `${docTitle} — ${office.name}` : docTitle,
      sections: [portraitSection(children)],
    }),
  );
}

// ================================================================== the citizen act

const HOUSEHOLD_COLUMNS: Column[] = [
  { title: 'Ф.И.О.', width: 36 },
  { title: `Год рождения`, width: 15, align: 'center' },
  { title: 'Степень родства', width: 19 },
  { title: 'Виды поддержки, ухода, помощи со стороны лица, совместно проживающего с гражданином', width: 37 },
  { title: 'Место работы/учебы лица, совместно проживающего с гражданином', width: 35 },
  { title: 'Категория лица, совместно проживающего с гражданином', width: 33 },
];

/** The ring of «… (нужное подчеркнуть): утрачена полностью, утрачена частично, не утрачена;». */
function capabilityLine<C extends string>(w: ActWriter, label: string, codes: readonly C[], labels: Record<C, string>, chosen: C | undefined, end: string): FileChild {
  return w.p([`${label} (нужное подчеркнуть): `, ...w.options(codes, labels, chosen), end]);
}

function scaleText(s: { score: number; band: string } | null | undefined): string | undefined {
  if (!s) return undefined;
  return s.band.trim() ? `${s.score} (${s.band.trim()})` : String(s.score);
}

/** Акт обследования условий жизнедеятельности граждан (Приложение 3, for a citizen). */
export async function buildAppendix3Citizen(d: ActFormData<Appendix3CitizenAct>): Promise<Buffer> {
  const blank = d.blank === true || d.act === null;
  const w = new ActWriter(blank);
  const a: Partial<Appendix3CitizenAct> = blank ? {} : (d.act ?? {});
  const person = d.person;
  const h = a.health ?? {};
  const hs = a.housing ?? {};
  const am = a.amenities ?? {};
  const fu = a.furnishings ?? {};
  const di = a.distances ?? {};
  const km = (n: number | undefined) => (n === undefined ? undefined : ruNumber(n));

  const household = a.household ?? [];
  const householdRows: Cell[][] = blank
    ? blankRows(6, 4)
    : household.length > 0
      ? household.map((m) => [
          m.fullName ?? '',
          m.birthYear === undefined ? '' : String(m.birthYear),
          m.relation ?? '',
          m.support ?? '',
          m.workOrStudy ?? '',
          m.category ?? '',
        ])
      : [['—', '—', '—', '—', '—', '—']];

  const risk = new Set(a.riskFactors ?? []);
  const total = a.barthel && a.lawton ? String(a.barthel.score + a.lawton.score) : undefined;
  const conflicts = new Set(a.conflicts ?? []);
  const prevention = new Set(h.prevention ?? []);
  const helpReasons = new Set(a.helpReasons ?? []);

  const children: FileChild[] = [
    ...appendixMark(3),
    ...actHeader(
      w,
      ['Акт', 'обследования условий жизнедеятельности граждан'],
      { date: a.date, number: a.number, organization: a.organization },
      { act: a.fullName, person: person?.fullName },
    ),
    ...personField(w, 'Адрес проживания, по которому проведено обследование', a.surveyAddress, person?.address, {
      extra: 1,
    }),
    categoryParagraph(w, a.categories, a.disabilityGroup),

    w.caption('Физическое здоровье:'),
    ...w.field('наличие заболевания (указать):', h.diseases, { end: ';' }),
    ...w.field('частота обращений в медицинские организации (указать):', h.medicalVisits, { end: ';' }),
    w.p([
      'профилактические мероприятия по укреплению здоровья (нужное подчеркнуть): ',
      w.opt(PREVENTION_MEASURE_LABELS.exercise, prevention.has('exercise')),
      ', ',
      w.opt(PREVENTION_MEASURE_LABELS.sanatorium, prevention.has('sanatorium')),
      ', ',
      w.opt(PREVENTION_MEASURE_LABELS.vitamins, prevention.has('vitamins')),
      ', ',
      w.opt(PREVENTION_MEASURE_LABELS.other, prevention.has('other')),
      ' ',
      w.valOrFill(h.preventionOther),
      ';',
    ]),
    w.p([
      'наличие действующей индивидуальной программы реабилитации инвалида, выданной учреждением медико-социальной экспертизы (нужное указать): ',
      w.opt('да', h.ipr === 'yes'),
      ' (№ ',
      w.val(h.iprNumber, 22),
      ', дата выдачи ',
      w.val(w.shortDate(h.iprIssueDate), 22),
      '), кем выдана ',
      w.valOrFill(h.iprIssuer),
      ',',
    ]),
    w.p([w.opt('нет', h.ipr === 'no'), ' ', w.valOrFill(h.iprAbsentNote), ';']),
    ...w.field('наличие беспокойства у гражданина в состоянии здоровья (указать):', h.concerns, { end: ';', extra: 1 }),
    ...w.field('Ф.И.О. участкового врача', h.districtDoctor, { end: '.' }),

    w.p(
      [
        'Семейный статус гражданина (нужное подчеркнуть): ',
        w.opt(FAMILY_STATUS_LABELS.single, a.familyStatus === 'single'),
        '; ',
        w.opt(FAMILY_STATUS_LABELS.lonely_couple, a.familyStatus === 'lonely_couple'),
        ', ',
        w.opt(FAMILY_STATUS_LABELS.with_family, a.familyStatus === 'with_family'),
        ':',
      ],
      { before: 6, keepNext: true, after: 4 },
    ),
    table(HOUSEHOLD_COLUMNS, householdRows, { fontSize: 10, headerFontSize: 9 }),

    w.p(
      [
        'Социально-бытовые взаимоотношения совместно проживающих с гражданином (нужное подчеркнуть): ',
        ...w.options(HOUSEHOLD_RELATIONS, HOUSEHOLD_RELATIONS_LABELS, a.relations),
        ' ',
        w.valOrFill(a.relationsOther),
      ],
      { before: 6, extra: 1 },
    ),
    w.p([
      'Наличие вредных привычек у гражданина, совместно проживающих с ним лиц: ',
      w.opt('да', a.badHabits === 'yes'),
      ' (указать какие ',
      w.val(a.badHabitsWhich, 40),
      '), ',
      w.opt('нет', a.badHabits === 'no'),
      '.',
    ]),
    w.p([
      'Наличие внутрисемейных конфликтов: (',
      w.opt(FAMILY_CONFLICT_LABELS.dependent_persons, conflicts.has('dependent_persons')),
      '), ',
      w.opt(FAMILY_CONFLICT_LABELS.family_violence, conflicts.has('family_violence')),
      ', ',
      w.opt(FAMILY_CONFLICT_LABELS.unlawful_parents, conflicts.has('unlawful_parents')),
      ', ',
      w.opt(FAMILY_CONFLICT_LABELS.neglected_duties, conflicts.has('neglected_duties')),
      ', ',
      w.opt(FAMILY_CONFLICT_LABELS.child_abuse, conflicts.has('child_abuse')),
      ' (нужное указать) ',
      w.valOrFill(a.conflictsNote),
    ]),

    w.p(
      [
        'Жилищные условия проживания (нужное указать): ',
        w.opt(CITIZEN_HOUSING_TYPE_LABELS.house, hs.type === 'house'),
        ', ',
        w.opt(CITIZEN_HOUSING_TYPE_LABELS.apartment, hs.type === 'apartment'),
        ' (количество комнат - ',
        w.val(hs.rooms, 13),
        '), ',
        w.opt(CITIZEN_HOUSING_TYPE_LABELS.communal_room, hs.type === 'communal_room'),
        ', ',
        w.opt(CITIZEN_HOUSING_TYPE_LABELS.dormitory, hs.type === 'dormitory'),
        ', ',
        w.opt(CITIZEN_HOUSING_TYPE_LABELS.other, hs.type === 'other'),
        ' ',
        w.valOrFill(hs.other),
      ],
      { before: 6, extra: 1 },
    ),
    w.p(['этаж ', w.val(hs.floor, 32), ', лифт (', ...w.yesNo(hs.lift), '), пандус (', ...w.yesNo(hs.ramp), ')']),

    w.p(
      [
        'Наличие благоустройств (нужное подчеркнуть): отопление (',
        ...w.options(CITIZEN_HEATING, CITIZEN_HEATING_LABELS, am.heating),
        '), водоснабжение (',
        ...w.options(CITIZEN_WATER, CITIZEN_WATER_LABELS, am.water),
        ', канализация (',
        ...w.yesNo(am.sewerage),
        '), другое (указать) ',
        w.val(am.other, 30),
        '.',
      ],
      { before: 6 },
    ),

    w.caption('Обстановка в квартире:'),
    ...w.field('наличие необходимой мебели (указать какой)', fu.furniture),
    ...w.field('наличие бытовой техники (указать какой)', fu.appliances),
    ...w.field(
      'наличие специальных средств для адаптации инвалида, ребенка-инвалида в быту (технических средств реабилитации) (указать каких)',
      fu.rehabAids,
    ),

    w.caption('Удаленность жилья от (указать):'),
    ...w.field(
      'транспортных коммуникаций (ближайшей остановки маршрутных транспортных средств) (км)',
      km(di.transport),
    ),
    ...w.field('продовольственных и промтоварных магазинов (км)', km(di.shops)),
    w.p(['почты (км) ', w.val(km(di.post), 13), '; жилищно-коммунальных учреждений (км) ', w.valOrFill(km(di.utilities))]),
    ...w.field('расстояния до источника водоснабжения (км)', km(di.waterSource)),

    ...w.field('Отсутствие жилья (причины):', a.noHousingReason),

    w.caption('Социально-экономический статус:'),
    w.p([
      'среднедушевой доход гражданина (семьи) ',
      w.val(a.perCapitaIncome === undefined ? undefined : ruNumber(a.perCapitaIncome, true), 13),
      ' рублей',
    ]),
    ...w.field('Дополнительные данные:', a.additionalInfo, { extra: 1 }),

    w.p(
      [
        'Выявленные факторы риска, способствующие (способствовавшие) возникновению обстоятельств, ухудшающих условия жизнедеятельности гражданина (нужное указать): ',
        w.opt(RISK_FACTOR_LABELS.no_relatives, risk.has('no_relatives')),
        ' (',
        ...w.options(NO_RELATIVES_SCOPES, NO_RELATIVES_SCOPE_LABELS, risk.has('no_relatives') ? a.noRelativesScope : undefined),
        '), ',
        w.opt(RISK_FACTOR_LABELS.loneliness, risk.has('loneliness')),
        ', ',
        w.opt(RISK_FACTOR_LABELS.partial_amenities, risk.has('partial_amenities')),
        ', ',
        w.opt(RISK_FACTOR_LABELS.no_amenities, risk.has('no_amenities')),
        ', ',
        w.opt(RISK_FACTOR_LABELS.unsafe_housing, risk.has('unsafe_housing')),
        ', ',
        w.opt(RISK_FACTOR_LABELS.no_housing, risk.has('no_housing')),
        ', ',
        w.opt(RISK_FACTOR_LABELS.difficult_psychological, risk.has('difficult_psychological')),
        ', ',
        w.opt(RISK_FACTOR_LABELS.incompatible_relatives, risk.has('incompatible_relatives')),
        ', ',
        w.opt(RISK_FACTOR_LABELS.other, risk.has('other')),
        ' ',
        w.valOrFill(a.riskOther),
      ],
      { before: 6, extra: 1 },
    ),
    w.p(
      [
        'Выявленные факторы, положительно влияющие на жизнедеятельность гражданина (нужное указать): ',
        ...w.options(POSITIVE_FACTORS, POSITIVE_FACTOR_LABELS, a.positiveFactors),
        ' ',
        w.valOrFill(a.positiveOther),
      ],
      { before: 6 },
    ),

    w.caption('Определение индивидуальной оценки нуждаемости гражданина в социальном обслуживании:', { before: 6 }),
    ...w.field('количество баллов по шкале Бартела (с приложением анкеты):', scaleText(a.barthel)),
    ...w.field('количество баллов по шкале Лаутона (с приложением анкеты):', scaleText(a.lawton)),
    ...w.field('общее количество баллов по шкалам Бартела и Лаутона:', total),
    capabilityLine(w, 'возможность выполнения бытовой деятельности', ABILITY_LOSS, ABILITY_LOSS_LABELS, a.householdActivity, ';'),
    capabilityLine(w, 'способность к самостоятельному проживанию', ABILITY_LOSS, ABILITY_LOSS_LABELS, a.independentLiving, ';'),
    capabilityLine(
      w,
      'способность к независимой от посторонней постоянной помощи жизни',
      ABILITY_LOSS,
      ABILITY_LOSS_LABELS,
      a.independentOfHelp,
      ';',
    ),
    capabilityLine(w, 'способность к интеграции в общество', INTEGRATION_ABILITY, INTEGRATION_ABILITY_LABELS, a.socialIntegration, ';'),
    capabilityLine(w, 'степень социально-бытовой адаптации', ADAPTATION_DEGREES, ADAPTATION_DEGREE_LABELS, a.adaptation, ';'),
    capabilityLine(w, 'стремление к компенсации имеющихся нарушений', COMPENSATION_DRIVE, COMPENSATION_DRIVE_LABELS, a.compensation, '.'),

    w.caption('Заключение:', { before: 6 }),
    w.p([
      'по выполнению различных видов жизнедеятельности для предоставления социального обслуживания (нужное подчеркнуть): ',
      ...DEGREES.flatMap((n, i) => [...(i > 0 ? [', '] : []), w.opt(degreeLabel(n), a.degree === n)]),
      ';',
    ]),
    w.p([
      'потребность в ',
      ...w.options(HELP_KINDS.slice(0, 2), HELP_KIND_LABELS, a.helpKind),
      ' или ',
      w.opt(HELP_KIND_LABELS.one_time, a.helpKind === 'one_time'),
      ' посторонней помощи вследствие (нужное подчеркнуть): ',
      w.opt(HELP_REASON_LABELS.self_care_loss, helpReasons.has('self_care_loss')),
      '; ',
      w.opt(HELP_REASON_LABELS.disabled_in_family, helpReasons.has('disabled_in_family')),
      '; ',
      w.opt(HELP_REASON_LABELS.no_care, helpReasons.has('no_care')),
      '; ',
      w.opt(HELP_REASON_LABELS.other, helpReasons.has('other')),
      ' ',
      w.valOrFill(a.helpOther),
    ]),

    ...signatureBlock(w, {
      compiledCaption: 'Акт обследования социально-бытовых условий гражданина социальных услуг составил:',
      presentCaption: 'Присутствовали при составлении акта социально-бытовых условий гражданина социальных услуг:',
      compiledBy: a.compiledBy,
      present: a.present,
      date: a.signaturesDate ?? a.date,
      citizenLines: [CITIZEN_CONFIRMATION, CITIZEN_PD_CONSENT],
      citizenName: a.citizen?.fullName ?? a.fullName ?? person?.fullName,
      citizenDate: a.citizen?.date ?? a.signaturesDate ?? a.date,
    }),
  ];

  const name = blank ? '' : ` № ${a.number ?? ''}`.trimEnd();
  return actDocument(`Акт обследования условий жизнедеятельности гражданина${name}`, d.office, children);
}

// ================================================================== the family act

const FAMILY_COLUMNS: Column[] = [
  { title: 'Ф.И.О.', width: 44 },
  { title: 'Дата рождения', width: 22, align: 'center' },
  { title: 'Степень родства', width: 22 },
  { title: 'Место работы/учебы лица, совместно проживающего с гражданином', width: 48 },
  { title: 'Категория лица, совместно проживающего с гражданином', width: 39 },
];

/** The separators of «Взаимоотношения нарушены. Неблагоприятный … Различия семейных ценностей» after each trait. */
const TRAIT_SEPARATORS: [RelationTrait, string][] = [
  ['disrupted', '. '],
  ['unfavorable_climate', ', '],
  ['emotional_conflicts', '. '],
  ['coldness', ', '],
  ['secrecy', ', '],
  ['subordination', '. '],
  ['avoidance', '; '],
  ['apathy', '; '],
  ['despotism', '. '],
  ['different_values', ''],
];

/** Акт обследования условий жизнедеятельности семей (Приложение 3, for a family). */
export async function buildAppendix3Family(d: ActFormData<Appendix3FamilyAct>): Promise<Buffer> {
  const blank = d.blank === true || d.act === null;
  const w = new ActWriter(blank);
  const a: Partial<Appendix3FamilyAct> = blank ? {} : (d.act ?? {});
  const person = d.person;
  const hs = a.housing ?? {};
  const inc = a.income ?? {};
  const traits = new Set(a.relationTraits ?? []);
  const amenities = new Set(hs.amenities ?? []);
  const circumstances = new Set(a.circumstances ?? []);

  const members = a.members ?? [];
  const memberRows: Cell[][] = blank
    ? blankRows(5, 5)
    : members.length > 0
      ? members.map((m) => [
          m.fullName ?? '',
          m.birthDate && isIsoDate(m.birthDate) ? formatRuDate(m.birthDate) : '',
          m.relation ?? '',
          m.workOrStudy ?? '',
          m.category ?? '',
        ])
      : [['—', '—', '—', '—', '—']];

  const areaRooms =
    hs.area === undefined && hs.rooms === undefined
      ? undefined
      : [hs.area === undefined ? null : `${ruNumber(hs.area)} кв. м`, hs.rooms === undefined ? null : `комнат: ${hs.rooms}`]
          .filter(Boolean)
          .join(', ');

  const children: FileChild[] = [
    ...appendixMark(3),
    ...actHeader(
      w,
      ['Акт', 'обследования условий жизнедеятельности семей'],
      { date: a.date, number: a.number, organization: a.organization },
      { act: a.fullName, person: person?.fullName },
    ),
    ...personField(w, 'Адрес проживания, по которому проведено обследование', a.surveyAddress, person?.address, {
      extra: 1,
    }),

    w.caption('Сведения о семье', { center: true, before: 6 }),
    w.p([
      'Социальный статус семьи (нужное подчеркнуть): ',
      ...w.options(FAMILY_SOCIAL_STATUSES, FAMILY_SOCIAL_STATUS_LABELS, a.socialStatus),
    ]),
    w.caption('Состав семьи', { center: true, before: 6 }),
    table(FAMILY_COLUMNS, memberRows, { fontSize: 10, headerFontSize: 9 }),
    w.p(
      [
        'Существуют ли обстоятельства, которые ухудшают или могут ухудшить условия жизнедеятельности одного из членов семьи (нужное подчеркнуть):',
      ],
      { before: 6, keepNext: true },
    ),
    ...FAMILY_CIRCUMSTANCES.map((c, i) =>
      w.p([
        w.opt(FAMILY_CIRCUMSTANCE_LABELS[c], circumstances.has(c)),
        i === FAMILY_CIRCUMSTANCES.length - 1 ? '.' : ';',
      ]),
    ),
    ...w.field('Дополнительная информация', a.familyInfo),

    w.caption('Жилищные условия', { center: true, before: 6 }),
    w.p(['Жилищные условия семьи по месту фактического проживания (нужное подчеркнуть):'], { keepNext: true }),
    w.p([
      ...w.options(FAMILY_HOUSING_TYPES, FAMILY_HOUSING_TYPE_LABELS, hs.type),
      ' ',
      w.valOrFill(hs.other),
    ]),
    w.p(['Форма собственности жилья:'], { before: 4, keepNext: true }),
    w.p([
      w.opt(HOUSING_OWNER_LABELS.state, hs.owner === 'state'),
      ' или ',
      w.opt(HOUSING_OWNER_LABELS.municipal, hs.owner === 'municipal'),
      ' (нужное подчеркнуть): ',
      ...w.options(HOUSING_OWNERSHIP_KINDS, HOUSING_OWNERSHIP_KIND_LABELS, hs.ownershipKind),
      '.',
    ]),
    ...w.field('Занимаемая площадь, количество комнат', areaRooms),
    w.p(['Состояние жилья:'], { before: 4, keepNext: true }),
    w.p([
      'санитарно-гигиеническое (нужное подчеркнуть): ',
      ...w.options(SANITARY_STATES, SANITARY_STATE_LABELS, hs.sanitary, '/'),
      ')',
    ]),
    w.p([
      'необходимость проведения ремонта (нужное подчеркнуть): ',
      ...w.options(REPAIR_NEEDS, REPAIR_NEED_LABELS, hs.repair, '/'),
    ]),
    w.p(['Благоустройство жилого помещения (нужное подчеркнуть):'], { before: 4, keepNext: true }),
    w.p(['теплоснабжение: ', ...w.options(FAMILY_HEATING, FAMILY_HEATING_LABELS, hs.heating), ';']),
    w.p([
      'водоснабжение: ',
      w.opt(FAMILY_AMENITY_LABELS.hot_water, amenities.has('hot_water')),
      ', ',
      w.opt(FAMILY_AMENITY_LABELS.cold_water, amenities.has('cold_water')),
      '; ',
      w.opt(FAMILY_AMENITY_LABELS.gas, amenities.has('gas')),
      '; ',
      w.opt(FAMILY_AMENITY_LABELS.sewerage, amenities.has('sewerage')),
      '; ',
      w.opt(FAMILY_AMENITY_LABELS.phone, amenities.has('phone')),
      '; ',
      w.opt(FAMILY_AMENITY_LABELS.lift, amenities.has('lift')),
      '; ',
      w.opt(FAMILY_AMENITY_LABELS.bath, amenities.has('bath')),
      ' и т.д.',
    ]),
    ...w.field('Отсутствие жилья (причины):', a.noHousingReason),
    ...w.field('Дополнительная информация', a.housingInfo),

    w.caption('Характер взаимоотношений между членами семьи', { center: true, before: 6 }),
    w.p(['(нужное подчеркнуть)'], { align: 'center', keepNext: true }),
    w.p([
      'Есть ли проблемы во взаимоотношениях, напряженная обстановка в семье (нужное подчеркнуть): ',
      ...w.yesNo(a.relationProblems),
    ]),
    w.p(TRAIT_SEPARATORS.flatMap(([c, sep]) => [w.opt(RELATION_TRAIT_LABELS[c], traits.has(c)), ...(sep ? [sep] : [])])),
    ...w.field(
      'Характеристика родителей (занимаются ли они должным образом воспитанием своих детей, личное поведение родителей; их образ жизни, наличие наркотической и алкогольной зависимостей, пристрастие к азартным играм; привлекались ли к ответственности, обсуждалось ли их поведение на заседании комиссии по делам несовершеннолетних и защите их прав):',
      a.parentsCharacteristic,
      { extra: 2 },
    ),

    w.caption('Материальное положение семьи', { center: true, before: 6 }),
    w.p(['Источники дохода:'], { keepNext: true }),
    ...w.field('доход членов семьи, проживающих совместно', inc.members),
    ...w.field('алименты', inc.alimony),
    ...w.field('помощь фондов, организаций', inc.funds),
    ...w.field('другое', inc.other),
    w.p(['Среднедушевой доход по состоянию на ', ...w.date(inc.perCapitaDate)], { before: 4, keepNext: true }),
    w.p(
      inc.perCapita === undefined || blank
        ? [w.fill(), ' руб.']
        : [{ text: ruNumber(inc.perCapita, true), underline: true }, ' руб.'],
    ),
    ...w.field('Меры социальной поддержки', inc.supportMeasures),
    ...w.field('Обязательные расходы (платежи, медикаменты)', inc.mandatoryExpenses, { extra: 1 }),
    w.p(['Дополнительная информация'], { keepNext: true }),
    ...(blank || !inc.info ? [w.line()] : [w.p([w.val(inc.info)])]),

    w.p(['Заключение комиссии по итогам проведения оценки потребности в предоставлении социальных услуг'], {
      bold: true,
      before: 6,
      keepNext: true,
    }),
    ...(blank || !a.conclusion ? [w.line('', 4)] : [w.p([w.val(a.conclusion)])]),

    ...signatureBlock(w, {
      compiledCaption: 'Акт обследования социально-бытовых условий семей, нуждающихся в социальном обслуживании, составил:',
      presentCaption: 'Присутствовали при составлении акта социально-бытовых условий семей, нуждающихся в социальном обслуживании:',
      compiledBy: a.compiledBy,
      present: a.present,
      date: a.signaturesDate ?? a.date,
      citizenLines: [CITIZEN_CONFIRMATION, CITIZEN_PD_CONSENT],
      citizenName: a.citizen?.fullName ?? a.fullName ?? person?.fullName,
      citizenDate: a.citizen?.date ?? a.signaturesDate ?? a.date,
    }),
  ];

  const name = blank ? '' : ` № ${a.number ?? ''}`.trimEnd();
  return actDocument(`Акт обследования условий жизнедеятельности семьи${name}`, d.office, children);
}
