/**
 * Индивидуальная программа предоставления социальных услуг (ИППСУ): the
 * federal form of приказ Минтруда России от 10.11.2014 N 874н, Приложение 2,
 * item by item — the header (body, «№», «дата составления»), items 1–9, item
 * 10 as seven tables (one per type of services), items 11–14, the
 * recipient's consent and the authorised official's signature with «М.П.».
 * СНИЛС is printed after the identity document (a regional addition: the
 * federal form has no such field).
 *
 * A draft (`draft: true`) carries «ПРОЕКТ» in the header of every page and
 * above the title, so it can never pass for the signed programme.
 */
import { AlignmentType, Paragraph, TextRun, type FileChild, type ISectionOptions } from 'docx';
import type { OfficeView } from '../../core/api/contract';
import {
  FIRST_OR_REPEAT,
  FIRST_OR_REPEAT_LABELS,
  PAYMENT_LABELS,
  SERVICE_FORM_LABELS,
  SERVICE_TYPES,
  SERVICE_TYPE_NAMES,
  SERVICE_TYPE_ROMAN,
  type IppsuDraft,
} from '../../core/api/decision';
import { ID_DOC_LABELS, SEX_LABELS } from '../../core/api/reception';
import { cleanAddress, RESIDENCE_SUBFIELDS, subfieldValue, WORK_SUBFIELDS, type AddressPart, type AddressParts } from '../../core/domain/address';
import { formatRuDate } from '../../core/domain/dates';
import { formatSnils } from '../../core/domain/snils';
import {
  capitalize,
  createDocument,
  para,
  portraitSection,
  letterSection,
  run,
  shortName,
  signatureLine,
  spacer,
  table,
  title,
  toBuffer,
  type Cell,
  type Column,
} from './docx-kit';
import { officeTitle } from './letterhead';

// ------------------------------------------------------------------ draft marking (shared by the decision forms)

export const DRAFT_MARK = 'ПРОЕКТ';
const DRAFT_HEADER_TEXT = `${DRAFT_MARK} — документ не подписан и не имеет юридической силы`;
const DRAFT_COLOR = 'C00000';

/** The «ПРОЕКТ» line above a draft's title. */
export function draftTitleMark(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 60 },
    children: [new TextRun({ text: DRAFT_MARK, bold: true, size: 32, color: DRAFT_COLOR, characterSpacing: 60 })],
  });
}

/** A portrait section; a draft gets the «ПРОЕКТ» header on every page. */
export function decisionSection(children: FileChild[], draft: boolean, letter = false): ISectionOptions {
  const header = draft
    ? () => [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: DRAFT_HEADER_TEXT, bold: true, size: 20, color: DRAFT_COLOR })],
        }),
      ]
    : undefined;
  return letter ? letterSection(children, { header }) : portraitSection(children, { header });
}

// ------------------------------------------------------------------ data

export interface IppsuPerson {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  /** 'male' | 'female' (or a label already in Russian). */
  sex: string;
  birthDate: string;
  snils?: string | null;
  /** Address of residence as one line: printed when its parts are not known (a person entered before they were asked). */
  address: string;
  /** Address of residence in parts (item 4's sub-fields). */
  addressParts?: AddressParts | null;
  phone?: string | null;
  email?: string | null;
  /** Item 5; none is asked at intake, so it prints «—» under its sub-fields. */
  workAddress?: PrintedAddress | null;
  idDoc: { kind: string; series?: string | null; number: string; issuer: string; issueDate: string };
}

/** An address as item 4 or 5 prints it: the parts, else the one line; and the telephone. */
export interface PrintedAddress {
  parts?: AddressParts | null;
  text?: string | null;
  phone?: string | null;
}

export interface DecisionSigner {
  position: string;
  name: string;
}

export interface IppsuData {
  office: OfficeView;
  person: IppsuPerson;
  ippsu: IppsuDraft;
  /** Outgoing number (assigned at sign-off); falls back to `ippsu.number`. */
  number?: string;
  draft: boolean;
  /** The authorised official; the head of the office by default. */
  signer?: DecisionSigner;
  /**
   * Who signs for the recipient: the representative's full name when one acts
   * for them (the case's representative), else the recipient signs.
   */
  representativeName?: string | null;
}

// ------------------------------------------------------------------ helpers

export function fullNameOf(p: { lastName: string; firstName: string; middleName?: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter((x) => x && x.trim()).join(' ');
}

export function snilsText(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    return formatSnils(s);
  } catch {
    return s;
  }
}

/** The signer given, or the office's head, or blanks. */
export function signerOf(office: OfficeView, signer?: DecisionSigner): DecisionSigner {
  return signer ?? { position: office.headPosition ?? 'Начальник управления', name: office.headName ?? '' };
}

function idDocText(d: IppsuPerson['idDoc']): string {
  const kind = ID_DOC_LABELS[d.kind as keyof typeof ID_DOC_LABELS] ?? d.kind;
  const series = d.series ? `серия ${d.series} ` : '';
  return `${kind}, ${series}№ ${d.number}, дата выдачи ${formatRuDate(d.issueDate)}, выдан: ${d.issuer}`;
}

function sexText(sex: string): string {
  return (SEX_LABELS[sex as keyof typeof SEX_LABELS] ?? sex).toLowerCase();
}

/** «N. Label: value» — the item number and label in bold. */
function item(n: number | null, label: string, value: string | TextRun[], o: { after?: number } = {}): Paragraph {
  const head = n === null ? `${label}: ` : `${n}. ${label}: `;
  return para([run(head, { bold: true }), ...(typeof value === 'string' ? [run(value)] : value)], {
    align: 'both',
    after: o.after ?? 4,
  });
}

const heading = (text: string, before = 8): Paragraph => para(text, { bold: true, before, after: 4, keepNext: true });

const caption = (text: string): Paragraph => para(text, { italics: true, size: 8, align: 'center' });

const DASH = '—';
const emptyRow = (cols: number): Cell[] => [{ text: DASH, colSpan: cols, align: 'center' }];

const SERVICE_COLUMNS: Column[] = [
  { title: '№ п/п', width: 8, align: 'center' },
  { title: 'Наименование социальной услуги', width: 56 },
  { title: 'Объем предоставления социальной услуги', width: 26, align: 'center' },
  { title: 'Периодичность предоставления социальной услуги', width: 28, align: 'center' },
  { title: 'Срок предоставления услуги', width: 26, align: 'center' },
  { title: 'Отметка о выполнении', width: 22, align: 'center' },
];

const TABLE_SIZE = { fontSize: 10, headerFontSize: 9 } as const;

/** Relative widths of the sub-field columns of items 4 and 5. */
const SUBFIELD_WIDTHS: Record<AddressPart, number> = { index: 15, district: 34, settlement: 24, street: 30, house: 10, building: 15, flat: 18 };
const PHONE_WIDTH = 34;

/**
 * Items 4 and 5 as 874н lays them out: the label, then a table of the
 * sub-fields (индекс, город (район), …, телефон) with this person's values.
 * An address known only as one line spans the address columns; none at all
 * prints «—».
 */
function addressItem(n: number, label: string, subfields: readonly { part: AddressPart; label: string }[], a: PrintedAddress | null): FileChild[] {
  const columns: Column[] = [
    ...subfields.map((f) => ({ title: capitalize(f.label), width: SUBFIELD_WIDTHS[f.part], align: 'center' as const })),
    { title: 'Телефон', width: PHONE_WIDTH, align: 'center' },
  ];
  const parts = cleanAddress(a?.parts);
  const text = a?.text?.trim();
  const phone = a?.phone?.trim() || DASH;
  const row: Cell[] = parts
    ? [...subfields.map((f) => subfieldValue(parts, f.part) || DASH), phone]
    : text
      ? [{ text, colSpan: subfields.length, align: 'left' }, phone]
      : a?.phone
        ? [{ text: DASH, colSpan: subfields.length, align: 'center' }, phone]
        : emptyRow(columns.length);
  return [para(`${n}. ${label}:`, { bold: true, after: 3, keepNext: true }), table(columns, [row], TABLE_SIZE), spacer(4)];
}

// ------------------------------------------------------------------ builder

export async function buildIppsu(d: IppsuData): Promise<Buffer> {
  const { person: p, ippsu: g, office } = d;
  const signer = signerOf(office, d.signer);
  const number = d.number ?? g.number;
  const name = fullNameOf(p);
  const snils = snilsText(p.snils);

  const typeTables: FileChild[] = SERVICE_TYPES.flatMap((t) => {
    const rows: Cell[][] = g.services
      .filter((s) => s.type === t)
      .map((s, i) => [String(i + 1), s.name, s.volume, s.periodicity, s.term, '']);
    return [
      para(`${SERVICE_TYPE_ROMAN[t]}. ${SERVICE_TYPE_NAMES[t]}`, { bold: true, before: 6, after: 3, keepNext: true }),
      table(SERVICE_COLUMNS, rows.length > 0 ? rows : [emptyRow(SERVICE_COLUMNS.length)], TABLE_SIZE),
    ];
  });

  const providerRows: Cell[][] = g.providers.map((x, i) => [String(i + 1), x.name, x.address, x.contacts]);
  const supportRows: Cell[][] = (g.supportMeasures ?? []).map((m, i) => [String(i + 1), m.kind, m.recipient ?? DASH, '']);
  const blankRefusalRow: Cell[] = ['\n', '', '', ''];

  const firstOrRepeat: TextRun[] = FIRST_OR_REPEAT.flatMap((k, i) => [
    ...(i > 0 ? [run(', ')] : []),
    run(FIRST_OR_REPEAT_LABELS[k], { underline: g.firstOrRepeat === k, bold: g.firstOrRepeat === k }),
  ]);

  const conditions = [capitalize(PAYMENT_LABELS[g.payment]), g.conditions].filter(Boolean).join('. ');

  const children: FileChild[] = [
    officeTitle(office.name),
    caption('(наименование органа, уполномоченного на составление индивидуальной программы предоставления социальных услуг)'),

    ...(d.draft ? [spacer(8), draftTitleMark()] : []),
    ...title(['ИНДИВИДУАЛЬНАЯ ПРОГРАММА', 'предоставления социальных услуг'], { before: d.draft ? 0 : 10, after: 4 }),
    para([run('№ '), run(number ? number : '____________', { bold: Boolean(number) })], { align: 'center' }),
    para([run('дата составления: '), run(formatRuDate(g.date), { bold: true })], { align: 'center', after: 10 }),

    item(1, 'Фамилия, имя, отчество (при наличии)', name),
    item(2, 'Пол', sexText(p.sex)),
    item(3, 'Дата рождения', formatRuDate(p.birthDate)),
    ...addressItem(4, 'Адрес места жительства', RESIDENCE_SUBFIELDS, { parts: p.addressParts, text: p.address, phone: p.phone }),
    ...addressItem(5, 'Адрес места работы', WORK_SUBFIELDS, p.workAddress ?? null),
    item(
      6,
      'Серия, номер паспорта или данные иного документа, удостоверяющего личность, дата выдачи этих документов, наименование выдавшего органа',
      idDocText(p.idDoc),
    ),
    item(null, 'Страховой номер индивидуального лицевого счета (СНИЛС)', snils ?? DASH),
    item(7, 'Адрес электронной почты (при наличии)', p.email || DASH),
    item(8, 'Индивидуальная программа предоставления социальных услуг разработана', [
      ...firstOrRepeat,
      run(' (нужное подчеркнуть) на срок до: '),
      run(formatRuDate(g.termUntil), { bold: true }),
    ]),
    item(9, 'Форма социального обслуживания', SERVICE_FORM_LABELS[g.form]),

    heading('10. Виды социальных услуг:', 4),
    ...typeTables,

    heading('11. Условия предоставления социальных услуг:'),
    para(conditions, { align: 'both', after: 4 }),

    heading('12. Перечень рекомендуемых поставщиков социальных услуг:'),
    table(
      [
        { title: '№ п/п', width: 8, align: 'center' },
        { title: 'Наименование поставщика социальных услуг', width: 70 },
        { title: 'Адрес места нахождения', width: 55 },
        { title: 'Контактная информация', width: 33 },
      ],
      providerRows.length > 0 ? providerRows : [emptyRow(4)],
      TABLE_SIZE,
    ),

    heading('13. Отказ от социального обслуживания, социальной услуги:'),
    table(
      [
        { title: 'Наименование формы социального обслуживания, вида социальной услуги, социальной услуги', width: 70 },
        { title: 'Причины отказа', width: 48 },
        { title: 'Дата отказа', width: 22, align: 'center' },
        { title: 'Подпись получателя социальных услуг', width: 26, align: 'center' },
      ],
      [blankRefusalRow, blankRefusalRow],
      TABLE_SIZE,
    ),

    heading('14. Мероприятия по социальному сопровождению:'),
    table(
      [
        { title: '№ п/п', width: 8, align: 'center' },
        { title: 'Вид социального сопровождения', width: 80 },
        { title: 'Получатель', width: 52 },
        { title: 'Отметка о выполнении', width: 26, align: 'center' },
      ],
      supportRows.length > 0 ? supportRows : [emptyRow(4)],
      TABLE_SIZE,
    ),

    para('С содержанием индивидуальной программы предоставления социальных услуг согласен(на)', {
      before: 14,
      after: 10,
      keepNext: true,
    }),
    signatureLine({ name: shortName(d.representativeName?.trim() || name), date: true }),
    caption('(подпись получателя социальных услуг или его законного представителя)'),

    para('Лицо, уполномоченное на подписание индивидуальной программы предоставления социальных услуг:', {
      before: 14,
      after: 10,
      keepNext: true,
    }),
    signatureLine({ label: signer.position, name: signer.name ? shortName(signer.name) : undefined }),
    spacer(6),
    para('М.П.', { before: 4 }),
  ];

  const doc = createDocument({
    title: `${d.draft ? 'ПРОЕКТ. ' : ''}Индивидуальная программа предоставления социальных услуг${number ? ` № ${number}` : ''}`,
    subject: 'Индивидуальная программа предоставления социальных услуг',
    sections: [decisionSection(children, d.draft)],
  });
  return toBuffer(doc);
}
