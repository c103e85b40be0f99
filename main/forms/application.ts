/**
 * The application for social services on the form of приказ Минтруда N 159н
 * (regulation p.26), printed pre-filled from the case's intake data for the
 * applicant's signature, with the confirmation of accuracy and the consent
 * to the processing of personal data (ст. 9 152-ФЗ). The wording is in
 * core/domain/application-159n.ts; a field the intake does not hold prints
 * its blank line to be completed by hand (drawn as a line to write on,
 * docx-kit `writeOnLines`). Values are written on the lines (underlined), as
 * in the acts (ActWriter of ./appendix3).
 */
import { CITIZENSHIP_LABELS, ID_DOC_LABELS, type CaseView } from '../../core/api/reception';
import type { OfficeView } from '../../core/api/contract';
import { APPLICATION_159N as T } from '../../core/domain/application-159n';
import { LGOTA_CATEGORIES } from '../../core/domain/checklists';
import { formatRuDate } from '../../core/domain/dates';
import { Paragraph, TextRun, convertMillimetersToTwip, type FileChild } from 'docx';
import { ActWriter } from './appendix3';
import {
  capitalize,
  createDocument,
  formatDateOf,
  para,
  portraitSection,
  shortName,
  signatureLine,
  spacer,
  textWidthMm,
  title,
  toBuffer,
} from './docx-kit';
import { authorityLine, channelLine, formatSnilsSafe } from './receipt';

export interface ApplicationData {
  office: OfficeView;
  case: CaseView;
  subserviceName: string;
  mfcName: string | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** «Паспорт гражданина РФ серия 67 03 № 123456, выдан ОВД г. Сургута 20.05.2003». */
function idDocLine(d: Record<string, unknown> | null | undefined): string | null {
  if (!d) return null;
  const kind = str(d.kind);
  const number = str(d.number);
  if (!kind && !number) return null;
  const issue = str(d.issueDate);
  const doc = [
    kind ? (ID_DOC_LABELS[kind as keyof typeof ID_DOC_LABELS] ?? kind) : null,
    str(d.series) ? `серия ${str(d.series)}` : null,
    number ? `№ ${number}` : null,
  ].filter(Boolean).join(' ');
  const issued = [str(d.issuer), issue ? formatRuDate(issue) : null].filter(Boolean).join(' ');
  return issued ? `${doc}, выдан ${issued}` : doc;
}

/** The addressee and the applicant, top right: a block in the right half of the page, its lines flush left. */
function addressee(text: string): Paragraph {
  return new Paragraph({ indent: { left: convertMillimetersToTwip(ADDRESSEE_INDENT_MM) }, spacing: { after: 40 }, children: [new TextRun(text)] });
}

const ADDRESSEE_INDENT_MM = textWidthMm() / 2;

export async function buildApplication(d: ApplicationData): Promise<Buffer> {
  const c = d.case;
  const a = c.applicant;
  const rep = c.representative;
  const app = c.application;
  const w = new ActWriter(false);
  const name = c.applicantName || [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' ');
  // A field the intake does not hold: its line (and `extra` more) to complete by hand.
  const field = (label: string, value: string | null | undefined, extra = 0): FileChild[] => w.field(`${label}:`, value, { extra });
  const heading = (text: string) => w.caption(text, { before: 6 });
  const lgota = c.lgota ? LGOTA_CATEGORIES.find((x) => x.code === c.lgota) : undefined;
  const received = c.documents.filter((x) => x.state === 'received');
  const snils = c.snils ?? a.snils ?? null;
  const repName = rep ? str(rep.fullName) : null;
  // Signed at the desk on the day of the visit; one sent by mail, the portal or an МФЦ, on a date of its own.
  const signedOn: string | true = c.channel === 'in_person' ? formatRuDate(c.receivedAt.slice(0, 10)) : true;

  const children = [
    para(T.formNote, { align: 'right', size: 9, italics: true, after: 6 }),
    addressee(`${T.addresseePrefix} ${d.office.name}`),
    addressee(`${T.fromPrefix} ${name}`),
    ...title([T.title, T.subtitle], { before: 6, after: 6 }),

    heading(T.applicant.heading),
    ...field(T.applicant.fullName, name),
    ...field(T.applicant.birthDate, formatRuDate(c.applicantBirthDate || a.birthDate)),
    ...field(T.applicant.snils, snils ? formatSnilsSafe(snils) : null),
    ...field(T.applicant.idDoc, idDocLine(a.idDoc as Record<string, unknown>), 1),
    ...field(T.applicant.citizenship, CITIZENSHIP_LABELS[a.citizenship as keyof typeof CITIZENSHIP_LABELS] ?? str(a.citizenship)),
    ...field(T.applicant.regAddress, str(a.regAddress), 1),
    ...field(T.applicant.actualAddress, str(a.actualAddress) ?? str(a.regAddress)),
    ...field(T.applicant.phone, str(a.phone)),
    ...field(T.applicant.email, str(a.email)),

    heading(T.representative.heading),
    ...(rep
      ? [
          ...field(T.representative.fullName, repName),
          ...field(T.representative.idDoc, idDocLine(rep.idDoc as Record<string, unknown> | undefined), 1),
          ...field(T.representative.address, str(rep.address), 1),
          ...field(T.representative.authority, capitalize(authorityLine(rep))),
          ...field(T.representative.phone, str(rep.phone)),
        ]
      : [w.p([T.representative.none])]),

    heading(T.request.heading),
    ...field(T.request.service, d.subserviceName),
    ...field(T.request.providers, str(app?.desiredProviders), 1),
    ...field(T.request.services, str(app?.desiredServices), 3),

    heading(T.circumstances.heading),
    w.line('', 2),

    heading(T.living.heading),
    ...field(T.living.conditions, str(app?.livingConditions), 1),
    ...field(T.living.household, str(app?.household), 2),

    heading(T.income.heading),
    ...(lgota ? field(T.income.exempt, lgota.label) : field(T.income.amount, null, 1)),

    ...field(T.channel, channelLine(c, d.mfcName)),

    heading(T.documents.heading),
    ...(received.length > 0
      ? received.map((x, i) =>
          w.p([
            `${i + 1}) ${capitalize(x.title)}`,
            x.form || x.sheets != null ? ` (${[x.form === 'original' ? 'подлинник' : x.form === 'copy' ? 'копия' : null, x.sheets != null ? `${x.sheets} л.` : null].filter(Boolean).join(', ')})` : '',
            i === received.length - 1 ? '.' : ';',
          ]),
        )
      : [w.p([T.documents.none])]),

    w.p([T.accuracy], { before: 6 }),
    w.caption(T.consent.heading, { before: 6 }),
    w.p([T.consent.text], { keepNext: true }),
    spacer(10),
    w.p([`${rep ? T.signature.representative : T.signature.applicant}:`], { keepNext: true }),
    signatureLine({ name: shortName(repName ?? name), date: signedOn }),

    w.caption(T.registration.heading, { before: 12 }),
    w.p([`${T.registration.number} № ${c.journalNumber} от ${formatDateOf(c.registeredAt)}.`], { keepNext: true }),
    w.p([`${T.registration.acceptedBy}: ${c.registeredByPosition} ${c.registeredByName}`], { keepNext: true, align: 'left' }),
    spacer(6),
    signatureLine({ name: shortName(c.registeredByName), date: formatDateOf(c.registeredAt) }),
  ];

  const doc = createDocument({
    title: `Заявление о предоставлении социальных услуг № ${c.journalNumber}`,
    subject: 'Заявление о предоставлении социальных услуг',
    sections: [portraitSection(children)],
  });
  return toBuffer(doc);
}
