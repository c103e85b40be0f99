/**
 * Приложение 4 к регламенту: «Акт оценки индивидуальной потребности
 * гражданина», printed in the regulation's wording and order, with the seven
 * tables of recommended social services by type.
 *
 * Filled (`act` given) or blank (`act: null` or `blank: true`) exactly as
 * the Appendix 3 acts: see appendix3.ts.
 */
import type { FileChild } from 'docx';
import { formatRuDate, isIsoDate } from '../../core/domain/dates';
import {
  ACT_SEX_LABELS,
  ESCORT_NEED_LABELS,
  PAYMENT_CONDITIONS,
  PAYMENT_CONDITION_LABELS,
  SERVICE_FORMS,
  SERVICE_FORM_LABELS,
  SERVICE_TYPES,
  SERVICE_TYPE_LABELS,
  STAY_BASES,
  STAY_BASIS_LABELS,
  type Appendix4Act,
  type ServiceRow,
  type ServiceType,
  type StayBasis,
} from '../../core/api/acts';
import { table, type Cell, type Column } from './docx-kit';
import {
  ActWriter,
  CITIZEN_CONFIRMATION,
  CITIZEN_PD_CONSENT,
  actDocument,
  actHeader,
  appendixMark,
  blankRows,
  categoryParagraph,
  signatureBlock,
  type ActFormData,
} from './appendix3';

function serviceColumns(t: ServiceType): Column[] {
  return [
    { title: '№ п/п', width: 10, align: 'center' },
    { title: SERVICE_TYPE_LABELS[t].nameColumn, width: 69 },
    { title: 'Объем предоставления услуги', width: 32 },
    { title: `Периодичность предоставления услуги`, width: 34 },
    { title: `Срок предоставления услуги`, width: 30 },
  ];
}

/**
 * Rows of a blank's service table: each type starts a page on a blank and
 * its table fills that page (two-line rows of 10 pt under the caption and the
 * header), so the centre has room for every service it recommends.
 */
export const BLANK_SERVICE_ROWS = 21;

function serviceRows(blank: boolean, list: ServiceRow[] | undefined): Cell[][] {
  if (blank) return blankRows(5, BLANK_SERVICE_ROWS);
  if (!list || list.length === 0) return [['—', '—', '—', '—', '—']];
  return list.map((r, i) => [String(i + 1), r.name ?? '', r.volume ?? '', r.frequency ?? '', r.term ?? '']);
}

/** «на постоянной основе, на временной основе на срок до ___;» */
function stayLine(w: ActWriter, label: string, basis: StayBasis | undefined, until: string | undefined): FileChild[] {
  return [
    w.p([
      `${label}: `,
      ...w.options(STAY_BASES, STAY_BASIS_LABELS, basis),
      ' на срок до ',
      ...(w.blank || !until || basis === 'permanent' ? [] : [w.val(until), ';']),
    ]),
    ...(w.blank || !until || basis === 'permanent' ? [w.line(';')] : []),
  ];
}

/** Акт оценки индивидуальной потребности гражданина (Приложение 4). */
export async function buildAppendix4(d: ActFormData<Appendix4Act>): Promise<Buffer> {
  const blank = d.blank === true || d.act === null;
  const w = new ActWriter(blank);
  const a: Partial<Appendix4Act> = blank ? {} : (d.act ?? {});
  const person = d.person;
  const du = a.duration ?? {};
  // The person's date of birth and sex are printed on a blank form too.
  const birthDate = blank ? person?.birthDate : (a.birthDate ?? person?.birthDate);
  const sex = blank ? person?.sex : (a.sex ?? person?.sex);
  const forms = new Set(a.serviceForms ?? []);
  const escortRows: Cell[][] = blank
    ? blankRows(1, 2)
    : a.escortKinds && a.escortKinds.length > 0
      ? a.escortKinds.map((k) => [k])
      : [['—']];

  const children: FileChild[] = [
    ...appendixMark(4),
    ...actHeader(
      w,
      ['Акт', 'оценки индивидуальной потребности гражданина'],
      { date: a.date, number: a.number, organization: a.organization },
      { act: a.fullName, person: person?.fullName },
    ),
    w.p([
      'Дата рождения ',
      w.val(birthDate && isIsoDate(birthDate) ? formatRuDate(birthDate) : undefined, 17, true),
      ' пол (нужное подчеркнуть): ',
      w.opt(ACT_SEX_LABELS.male, sex === 'male', true),
      '/',
      w.opt(ACT_SEX_LABELS.female, sex === 'female', true),
    ]),
    categoryParagraph(w, a.categories, a.disabilityGroup),

    w.p(['Рекомендованные формы социального обслуживания (нужное подчеркнуть):'], { before: 6, keepNext: true }),
    ...SERVICE_FORMS.map((f, i) =>
      w.p([w.opt(SERVICE_FORM_LABELS[f], forms.has(f)), i === SERVICE_FORMS.length - 1 ? '.' : ';']),
    ),
    w.p(
      [
        'Условия предоставления социального обслуживания (нужное подчеркнуть): ',
        ...w.options(PAYMENT_CONDITIONS, PAYMENT_CONDITION_LABELS, a.paymentConditions),
        '.',
      ],
      { before: 6 },
    ),
    w.p(
      [
        'Рекомендованные виды, объем, периодичность социальных услуг (в соответствии с перечнем социальных услуг, предоставляемых поставщиками социальных услуг в Ханты-Мансийском автономном округе - Югре» (нужное указать):',
      ],
      { before: 6, keepNext: true },
    ),
    ...SERVICE_TYPES.flatMap((t) => [
      w.p([SERVICE_TYPE_LABELS[t].caption], { bold: true, before: 6, after: 3, keepNext: true, align: 'center', pageBreakBefore: blank }),
      table(serviceColumns(t), serviceRows(blank, a.services?.[t]), { fontSize: 10, headerFontSize: 10 }),
    ]),

    w.p(['Рекомендуемая продолжительность предоставления социальных услуг:'], { bold: true, before: 8, keepNext: true }),
    w.p(['в форме социального обслуживания на дому:'], { keepNext: true }),
    ...w.field('на срок до', du.homeUntil, { end: ';' }),
    ...stayLine(w, 'в стационарной форме', du.stationaryBasis, du.stationaryUntil),
    ...stayLine(
      w,
      'в стационарной форме социального обслуживания со специальным социальным обслуживанием',
      du.specialBasis,
      du.specialUntil,
    ),
    ...w.field('в полустационарной форме социального обслуживания: на срок до', du.semiUntil, { end: '.' }),

    w.p(
      [
        'Необходимость социального сопровождения (нужное подчеркнуть): ',
        w.opt(ESCORT_NEED_LABELS.not_needed, a.escort === 'not_needed'),
        ', ',
        w.opt(ESCORT_NEED_LABELS.needed, a.escort === 'needed'),
        ' (нужное указать):',
      ],
      { before: 6, keepNext: true, after: 4 },
    ),
    table([{ title: 'Вид социального сопровождения', width: 1 }], escortRows, { fontSize: 10 }),
    ...w.field('Дополнительные данные', a.additionalInfo, { extra: 1, before: 6 }),

    ...signatureBlock(w, {
      compiledCaption: 'Акт оценки индивидуальной потребности граждан составил:',
      presentCaption: 'Присутствовали при составлении акта оценки индивидуальной потребности гражданина:',
      compiledBy: a.compiledBy,
      present: a.present,
      date: a.signaturesDate ?? a.date,
      citizenLines: [
        'с условиями предоставления социальных услуг ознакомлен (на) и согласен (на);',
        CITIZEN_CONFIRMATION,
        CITIZEN_PD_CONSENT,
      ],
      citizenName: a.citizen?.fullName ?? a.fullName ?? person?.fullName,
      citizenDate: a.citizen?.date ?? a.signaturesDate ?? a.date,
    }),
  ];

  const name = blank ? '' : ` № ${a.number ?? ''}`.trimEnd();
  return actDocument(`Акт оценки индивидуальной потребности гражданина${name}`, d.office, children);
}
