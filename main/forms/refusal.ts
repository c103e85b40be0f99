/**
 * Уведомление об отказе в признании гражданина нуждающимся в социальном
 * обслуживании (регламент, п. 16: «мотивированный отказ»; п. 46: signed by
 * the head). Addressed to the applicant; quotes the grounds of п. 31
 * verbatim, gives the motivated reasoning and how to appeal (п. 55–71, 75).
 * A draft carries «ПРОЕКТ» on every page, as the ИППСУ does.
 */
import type { FileChild } from 'docx';
import type { OfficeView } from '../../core/api/contract';
import type { RefusalDraft } from '../../core/api/decision';
import { formatRuDate } from '../../core/domain/dates';
import { REFUSAL_GROUNDS } from '../../core/domain/refusal-grounds';
import { LETTER_TEXT_WIDTH_MM, createDocument, executorLines, para, shortName, signatureLine, spacer, title, toBuffer, type Executor } from './docx-kit';
import { letterhead } from './letterhead';
import { decisionSection, draftTitleMark, fullNameOf, signerOf, type DecisionSigner } from './ippsu';

export const REGULATION_TITLE =
  'Административного регламента предоставления государственной услуги по признанию граждан нуждающимися ' +
  'в социальном обслуживании и составлению индивидуальной программы предоставления социальных услуг, ' +
  'утвержденного приказом Департамента социального развития Ханты-Мансийского автономного округа - Югры ' +
  'от 20.07.2015 N 27-нп';

export interface RefusalPerson {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  /** 'male' | 'female': chooses «Уважаемый» / «Уважаемая»; no salutation when absent. */
  sex?: string | null;
  /** Postal address the notice is sent to. */
  address: string;
}

export interface RefusalData {
  office: OfficeView;
  person: RefusalPerson;
  refusal: RefusalDraft;
  /** Outgoing number, assigned at sign-off. */
  number?: string;
  draft: boolean;
  /** The head of the office (or the deputy) by default. */
  signer?: DecisionSigner;
  /** Registration number of the application in the journal. */
  journalNumber: string;
  /** ISO date of the application's registration. */
  applicationDate: string;
  /** The specialist who drew up the notice (the «Исполнитель» line). */
  executor?: Executor;
}

function salutation(p: RefusalPerson): string | null {
  const names = [p.firstName, p.middleName].filter((x) => x && x.trim()).join(' ');
  if (p.sex === 'female') return `Уважаемая ${names}!`;
  if (p.sex === 'male') return `Уважаемый ${names}!`;
  return null;
}

/** «признании Вас нуждающимся (нуждающейся)» by sex, when known. */
function needing(p: RefusalPerson): string {
  if (p.sex === 'female') return 'нуждающейся';
  if (p.sex === 'male') return 'нуждающимся';
  return 'нуждающимся (нуждающейся)';
}

export async function buildRefusalNotice(d: RefusalData): Promise<Buffer> {
  const { office, person: p, refusal: r } = d;
  const signer = signerOf(office, d.signer);
  const name = fullNameOf(p);
  // The grounds in the order of п. 31, whatever order they were chosen in.
  const grounds = REFUSAL_GROUNDS.filter((g) => r.grounds.includes(g.code));
  const hello = salutation(p);

  const body = (text: string, o: { before?: number; after?: number } = {}) =>
    para(text, { align: 'both', firstLine: 12.5, after: o.after ?? 4, before: o.before });

  const children: FileChild[] = [
    letterhead(office, { date: r.date, number: d.number }, [
      { text: name, bold: true, after: 2 },
      { text: p.address, size: 11 },
    ]),
    spacer(10),

    ...(d.draft ? [draftTitleMark()] : []),
    ...title(['УВЕДОМЛЕНИЕ', 'об отказе в признании гражданина нуждающимся в социальном обслуживании'], {
      before: d.draft ? 0 : 6,
      after: 10,
    }),
    ...(hello ? [para(hello, { align: 'center', after: 8 })] : []),

    body(
      `${office.name}, рассмотрев Ваше заявление о предоставлении социальных услуг, зарегистрированное ` +
        `${formatRuDate(d.applicationDate)} за № ${d.journalNumber}, и представленные документы, сообщает, что ` +
        `принято решение об отказе в признании Вас ${needing(p)} в социальном обслуживании и в составлении ` +
        `индивидуальной программы предоставления социальных услуг по следующим основаниям, предусмотренным ` +
        `пунктом 31 ${REGULATION_TITLE} (далее — Административный регламент):`,
    ),
    ...grounds.map((g, i) =>
      para(`${i + 1}) ${g.text} (${g.paragraph} Административного регламента)${i === grounds.length - 1 ? '.' : ';'}`, {
        align: 'both',
        firstLine: 12.5,
        after: 3,
      }),
    ),

    para('Мотивированное обоснование отказа:', { bold: true, before: 6, after: 3, keepNext: true }),
    ...r.motivatedText
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => body(l)),

    body(
      'Решение может быть обжаловано в досудебном (внесудебном) порядке: жалоба подается в письменной форме ' +
        'на бумажном носителе или в электронной форме (через официальный сайт Департамента социального развития ' +
        'Ханты-Мансийского автономного округа - Югры, Единый портал государственных и муниципальных услуг (функций) ' +
        'или через МФЦ), а также может быть подана при личном приеме, директору Департамента социального развития ' +
        'Ханты-Мансийского автономного округа - Югры, а решение директора Департамента — заместителю Губернатора ' +
        'автономного округа, в ведении которого находится Департамент (пункты 55–71 Административного регламента); ' +
        'решение также может быть оспорено в судебном порядке (пункт 75 Административного регламента).',
      { before: 6 },
    ),

    spacer(14),
    signatureLine({ label: signer.position, name: signer.name ? shortName(signer.name) : undefined, widthMm: LETTER_TEXT_WIDTH_MM }),
    ...(d.executor ? executorLines(d.executor) : []),
  ];

  const doc = createDocument({
    title: `${d.draft ? 'ПРОЕКТ. ' : ''}Уведомление об отказе в признании гражданина нуждающимся в социальном обслуживании`,
    subject: 'Уведомление об отказе',
    sections: [decisionSection(children, d.draft, true)],
  });
  return toBuffer(doc);
}
