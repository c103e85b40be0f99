/**
 * Межведомственный запрос as an official letter on the office's blank, for
 * when the electronic channel is down (paper or fax): the office's details
 * and the outgoing number top-left, the addressee top-right, the subject
 * «О предоставлении сведений», the request under 210-ФЗ ст. 7.2 for the
 * state service of the regulation (п. 14, 25), the person's data, the term
 * of the answer (5 working days, 210-ФЗ ст. 7.2 ч. 3), the head's signature
 * and the executor at the bottom.
 */
import {
  AlignmentType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
} from 'docx';
import type { OfficeView } from '../../core/api/contract';
import type { InteragencyRequestLetter } from '../../core/api/decision';
import { formatRuDate } from '../../core/domain/dates';
import {
  createDocument,
  labelValue,
  para,
  letterSection,
  LETTER_TEXT_WIDTH_MM,
  executorLines,
  shortName,
  signatureLine,
  spacer,
  textWidthMm,
  toBuffer,
} from './docx-kit';
import { fullNameOf, snilsText } from './ippsu';

export const STATE_SERVICE_NAME =
  'государственной услуги по признанию граждан нуждающимися в социальном обслуживании и составлению ' +
  'индивидуальной программы предоставления социальных услуг';

export const LAW_210 =
  'Федерального закона от 27 июля 2010 года N 210-ФЗ «Об организации предоставления государственных и муниципальных услуг»';

export interface RequestLetterData {
  office: OfficeView;
  agencyName: string;
  agencyAddress?: string;
  letter: InteragencyRequestLetter;
}

/**
 * A borderless two-column block: the left part (office details) and the
 * right part (addressee); `leftShare` of the text width goes to the left.
 */
export function twoColumns(left: Paragraph[], right: Paragraph[], leftShare = 0.5, widthMm = textWidthMm()): Table {
  const total = convertMillimetersToTwip(widthMm);
  const gap = Math.floor(total * 0.06);
  const w = [Math.floor(total * leftShare), gap, Math.floor(total * (1 - leftShare)) - gap];
  const cell = (children: Paragraph[], i: number) =>
    new TableCell({
      width: { size: w[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.TOP,
      children: children.length > 0 ? children : [new Paragraph({})],
    });
  return new Table({
    width: { size: w.reduce((s, x) => s + x, 0), type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 60 },
    rows: [new TableRow({ cantSplit: true, children: [cell(left, 0), cell([], 1), cell(right, 2)] })],
  });
}

/** Plain paragraphs for the blocks of `twoColumns`. */
export function lines(
  texts: { text: string; bold?: boolean; size?: number; after?: number }[],
  align: 'left' | 'center' = 'left',
): Paragraph[] {
  return texts.map(
    (t) =>
      new Paragraph({
        alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { after: (t.after ?? 0) * 20 },
        children: [new TextRun({ text: t.text, bold: t.bold, size: t.size === undefined ? undefined : t.size * 2 })],
      }),
  );
}

/** The blank: office details and number (left), addressee (right). */
function blank(d: RequestLetterData): Table {
  const { office, letter } = d;
  const left = lines(
    [
      { text: office.name, bold: true, size: 11, after: 3 },
      { text: office.address, size: 9 },
      { text: `Тел.: ${office.phone}`, size: 9 },
      ...(office.email ? [{ text: `Эл. почта: ${office.email}`, size: 9 }] : []),
      { text: '', size: 6 },
      { text: `${formatRuDate(letter.date)} № ${letter.number}`, size: 11, after: 2 },
      { text: 'На № ____________ от ____________', size: 11 },
    ],
    'center',
  );
  const right = lines([
    { text: d.agencyName, size: 12, after: 3 },
    ...(d.agencyAddress ? [{ text: d.agencyAddress, size: 10 }] : []),
  ]);
  return twoColumns(left, right, 0.5, LETTER_TEXT_WIDTH_MM);
}

export async function buildRequestLetter(d: RequestLetterData): Promise<Buffer> {
  const { office, letter: l } = d;
  const person = l.person;
  const snils = snilsText(person.snils);
  const body = (content: string | TextRun[], after = 4) => para(content, { align: 'both', firstLine: 12.5, after });
  const application =
    l.applicationNumber || l.applicationDate
      ? ` (заявление${l.applicationNumber ? ` рег. № ${l.applicationNumber}` : ''}${
          l.applicationDate ? ` от ${formatRuDate(l.applicationDate)}` : ''
        })`
      : '';

  const children: FileChild[] = [
    blank(d),
    spacer(14),
    para('О предоставлении сведений', { bold: true, after: 12 }),

    body(
      `В соответствии со статьей 7.2 ${LAW_210}, в целях предоставления ${STATE_SERVICE_NAME}${application} ` +
        '(пункт 25 Административного регламента предоставления этой услуги) ' +
        `${office.name} просит предоставить следующие документы (сведения):`,
    ),
    para(l.requested, { align: 'both', firstLine: 12.5, bold: true, after: 6 }),
    body('в отношении гражданина:', 3),
    labelValue('Фамилия, имя, отчество', fullNameOf(person)),
    labelValue('Дата рождения', formatRuDate(person.birthDate)),
    labelValue('СНИЛС', snils ?? 'не указан'),
    labelValue('Адрес места жительства (пребывания)', person.address, { after: 6 }),

    body(
      'Ответ на запрос просим направить в срок не позднее 5 рабочих дней со дня его получения ' +
        '(часть 3 статьи 7.2 Федерального закона N 210-ФЗ) по каналам системы межведомственного электронного ' +
        `взаимодействия, а при ее недоступности — почтой или факсом по адресу: ${office.address}; ` +
        `тел.: ${office.phone}${office.email ? `; эл. почта: ${office.email}` : ''}.`,
    ),

    spacer(18),
    signatureLine({ label: l.signer.position, name: shortName(l.signer.name), widthMm: LETTER_TEXT_WIDTH_MM }),
    ...executorLines(l.executor),
  ];

  const doc = createDocument({
    title: `Межведомственный запрос № ${l.number} от ${formatRuDate(l.date)}`,
    subject: 'О предоставлении сведений',
    sections: [letterSection(children)],
  });
  return toBuffer(doc);
}
