/**
 * Ответ по результатам рассмотрения жалобы (регламент, п. 70–71): on the
 * office's blank, addressed to the applicant's postal address, with what
 * p.70 requires — the body that examined the complaint and its official who
 * decided; the number, date and place of the decision, with the official or
 * specialist whose decision or action was complained of; the applicant; the
 * grounds of the decision; the decision; for a satisfied complaint the terms
 * to remedy the violations, including the term to provide the result; and
 * how to appeal the decision. Signed by the official who decided.
 */
import type { FileChild } from 'docx';
import { COMPLAINT_SUBJECT_LABELS, complaintGround, type ComplaintSubject } from '../../core/domain/complaints';
import { formatRuDate } from '../../core/domain/dates';
import { LETTER_TEXT_WIDTH_MM, createDocument, executorLines, letterSection, para, run, shortName, signatureLine, spacer, title, toBuffer, type Executor } from './docx-kit';
import { letterhead } from './letterhead';

export interface ComplaintAnswerData {
  office: { name: string; address: string; phone: string; email: string };
  complaint: {
    number: string;
    receivedDate: string;
    registeredDate: string;
    applicant: { lastName: string; firstName: string; middleName?: string | null; postalAddress: string; email?: string | null };
    subjectOfficial: string;
    subjectDecision: string;
    subjects: readonly string[];
    outcome: 'satisfied' | 'refused';
    ground: string | null;
    decidingBody: string;
    decidedByPosition: string;
    decidedByName: string;
    decisionNumber: string;
    decisionDate: string;
    decisionPlace: string;
    reasons: string;
    measures: string | null;
    /** p.69: the remedy deadline. */
    remedyDue: string | null;
  };
  /** The answer's outgoing number and date, when known. */
  answerNumber?: string | null;
  answerDate?: string | null;
  /** Who prepared the answer (the «Исполнитель» line). */
  executor?: Executor;
}

export async function buildComplaintAnswer(d: ComplaintAnswerData): Promise<Buffer> {
  const { office, complaint: c } = d;
  const name = [c.applicant.lastName, c.applicant.firstName, c.applicant.middleName].filter(Boolean).join(' ');
  const body = (content: string | ReturnType<typeof run>[], after = 4) => para(content, { align: 'both', firstLine: 12.5, after });
  const labelled = (label: string, text: string) => body([run(`${label}: `, { bold: true }), run(text)]);
  const ground = c.ground ? complaintGround(c.ground) : undefined;
  const subjects = c.subjects.map((s) => COMPLAINT_SUBJECT_LABELS[s as ComplaintSubject] ?? s).join('; ');

  const decision =
    c.outcome === 'satisfied'
      ? 'жалоба признана обоснованной и удовлетворена.'
      : `в удовлетворении жалобы отказано${ground ? ` по основанию, предусмотренному ${ground.paragraph === 'п. 72' ? 'пунктом 72 Административного регламента' : 'частью 7 статьи 11.2 Федерального закона от 27.07.2010 N 210-ФЗ'}: ${ground.text}` : ''}.`;

  const children: FileChild[] = [
    letterhead(office, { date: d.answerDate, number: d.answerNumber }, [
      { text: name, bold: true, after: 2 },
      { text: c.applicant.postalAddress, size: 11 },
      ...(c.applicant.email ? [{ text: `Эл. почта: ${c.applicant.email}`, size: 10 }] : []),
    ]),
    spacer(14),
    ...title(['ОТВЕТ', 'по результатам рассмотрения жалобы'], { after: 10 }),
    body(
      `Рассмотрена жалоба, поступившая ${formatRuDate(c.receivedDate)} и зарегистрированная ` +
        `${formatRuDate(c.registeredDate)} за № ${c.number}, на решения и действия (бездействие) при предоставлении ` +
        'государственной услуги по признанию граждан нуждающимися в социальном обслуживании.',
    ),
    labelled('Орган, рассмотревший жалобу', c.decidingBody),
    labelled('Должностное лицо, принявшее решение по жалобе', `${c.decidedByPosition} ${c.decidedByName}`),
    labelled('Решение по жалобе', `№ ${c.decisionNumber} от ${formatRuDate(c.decisionDate)}, место принятия решения: ${c.decisionPlace}`),
    labelled('Должностное лицо (специалист), решение или действие (бездействие) которого обжалуется', c.subjectOfficial),
    labelled('Обжалуемые решения и действия (бездействие)', `${c.subjectDecision}${subjects ? ` (${subjects})` : ''}`),
    labelled('Заявитель', name),
    para('Основания для принятия решения по жалобе:', { bold: true, before: 4, after: 3, keepNext: true }),
    ...c.reasons
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => body(l)),
    body([run('Принятое по жалобе решение: ', { bold: true }), run(decision)]),
    ...(c.outcome === 'satisfied'
      ? [
          body([
            run('Сроки устранения выявленных нарушений, в том числе срок предоставления результата государственной услуги: ', { bold: true }),
            run(`${c.measures ?? ''}${c.remedyDue ? ` Меры принимаются не позднее ${formatRuDate(c.remedyDue)} (пункт 69 Административного регламента).` : ''}`),
          ]),
        ]
      : []),
    body(
      [
        run('Порядок обжалования решения: ', { bold: true }),
        run(
          'решение, принятое по жалобе, может быть обжаловано заместителю Губернатора Ханты-Мансийского автономного ' +
            'округа - Югры, в ведении которого находится Департамент социального развития Ханты-Мансийского автономного ' +
            'округа - Югры (пункт 57 Административного регламента), а также в судебном порядке (пункт 75 ' +
            'Административного регламента).',
        ),
      ],
      6,
    ),
    spacer(14),
    signatureLine({ label: c.decidedByPosition, name: shortName(c.decidedByName), widthMm: LETTER_TEXT_WIDTH_MM }),
    ...(d.executor ? executorLines(d.executor) : []),
  ];

  const doc = createDocument({
    title: `Ответ по результатам рассмотрения жалобы № ${c.number}`,
    subject: 'Ответ по результатам рассмотрения жалобы',
    sections: [letterSection(children)],
  });
  return toBuffer(doc);
}
