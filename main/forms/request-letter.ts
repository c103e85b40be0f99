/**
 * Межведомственный запрос as an official letter on the office's blank, for
 * when the electronic channel is down (paper or fax): the office's details
 * and the outgoing number top-left, the addressee top-right, the subject
 * «О предоставлении сведений», the request under 210-ФЗ ст. 7.2 for the
 * state service of the regulation (п. 14, 25), the person's data, the term
 * of the answer (5 working days, 210-ФЗ ст. 7.2 ч. 3), the head's signature
 * and the executor at the bottom.
 */
import type { FileChild, TextRun } from 'docx';
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
  toBuffer,
} from './docx-kit';
import { letterhead } from './letterhead';
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
    letterhead(office, { date: l.date, number: l.number, replyTo: true }, [
      { text: d.agencyName, size: 12, after: 3 },
      ...(d.agencyAddress ? [{ text: d.agencyAddress, size: 10 }] : []),
    ]),
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
