/**
 * Schemas of the reception procedure (p.43–44): the applicant, the
 * representative, the application with its document checklist, and the
 * views of persons and cases the renderer shows.
 */
import { z } from 'zod';
import { INCOME_EXEMPTION_CODES, SUBSERVICE_CODES } from '../domain/checklists';
import { CHANNELS } from '../domain/deadlines';
import { CASE_STATUSES } from '../domain/case-states';
import { diffDays, fullYears, isIsoDate, officeInstant, todayIso } from '../domain/dates';
import { ControlCaseFilters } from './control-filters';
import { ProcessingView } from './processing';
import { cleanAddress, formatAddress, type AddressParts } from '../domain/address';
import { AddressPartsInput, AddressPartsView } from './address';
import { email, id, isoDate, optSnils, optText, rev, text } from './schemas';

export const SEXES = ['male', 'female'] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = { male: 'Мужской', female: 'Женский' };

export const CITIZENSHIPS = ['rf', 'foreign', 'stateless', 'refugee'] as const;
export const CITIZENSHIP_LABELS: Record<(typeof CITIZENSHIPS)[number], string> = {
  rf: 'Гражданин Российской Федерации',
  foreign: 'Иностранный гражданин',
  stateless: 'Лицо без гражданства',
  refugee: 'Беженец',
};

export const ID_DOC_KINDS = ['passport_rf', 'birth_certificate', 'foreign_passport', 'residence_permit', 'refugee_certificate', 'other'] as const;
export const ID_DOC_LABELS: Record<(typeof ID_DOC_KINDS)[number], string> = {
  passport_rf: 'Паспорт гражданина РФ',
  birth_certificate: 'Свидетельство о рождении',
  foreign_passport: 'Паспорт иностранного гражданина',
  residence_permit: 'Вид на жительство',
  refugee_certificate: 'Удостоверение беженца',
  other: 'Иной документ',
};

export const AUTHORITIES = ['legal', 'power_of_attorney', 'organization'] as const;
export const AUTHORITY_LABELS: Record<(typeof AUTHORITIES)[number], string> = {
  legal: 'Законный представитель',
  power_of_attorney: 'По доверенности',
  organization: 'Организация / орган',
};

export const DOC_STATES = ['received', 'not_provided', 'to_request'] as const;
/** A document received: the original or a copy. */
export const DOC_FORMS = ['original', 'copy'] as const;
export const DOC_STATE_LABELS: Record<(typeof DOC_STATES)[number], string> = {
  received: 'Принят',
  not_provided: 'Не представлен',
  to_request: 'Будет запрошен',
};


/**
 * A rule across fields, run whenever the fields it reads are valid. zod skips
 * an object's refinements once any of its fields failed; such a rule is
 * given a `when` (zod 4) so that it runs anyway: one attempt shows every
 * error, the conditional ones among them, to the form and to the API alike.
 * `reads` picks out (and types) what the rule looks at; it sees the values
 * as the object's field schemas left them (empty optional texts as absent).
 */
function crossRule<S extends z.ZodType>(reads: S, rule: (v: z.output<S>, ctx: z.RefinementCtx<unknown>) => void) {
  return z.superRefine<unknown>(
    (value, ctx) => {
      const r = reads.safeParse(value);
      if (r.success) rule(r.data, ctx);
    },
    { when: (payload) => reads.safeParse(payload.value).success },
  );
}

/** A field a rule reads as it is, present or not. */
const maybe = z.unknown().optional();
const issue = (ctx: z.RefinementCtx<unknown>, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

export const IdDoc = z.object({
  kind: z.enum(ID_DOC_KINDS, { error: 'Выберите вид документа' }),
  series: optText(20),
  number: text(40),
  issuer: text(300),
  issueDate: isoDate,
});
export type IdDoc = z.infer<typeof IdDoc>;

/** An identity document cannot be issued before its holder was born. */
export const ISSUED_BEFORE_BIRTH = 'Дата выдачи документа раньше даты рождения';
/** A birth date after today (the office's day) is a typing error, refused rather than read as a small child. */
export const BIRTH_IN_FUTURE = 'Дата рождения позже сегодняшней';
/** At intake the same, against the day the application came in (which is not after today). */
export const BIRTH_AFTER_RECEIPT = 'Дата рождения позже даты поступления заявления';

const PersonFields = z.object({
  lastName: text(100),
  firstName: text(100),
  middleName: optText(100),
  birthDate: isoDate,
  sex: z.enum(SEXES, { error: 'Укажите пол' }),
  snils: optSnils,
  citizenship: z.enum(CITIZENSHIPS, { error: 'Укажите гражданство' }),
  idDoc: IdDoc,
  /** The address of registration as one line: what older clients and portal events send; made from the parts when they are given. */
  regAddress: optText(500),
  /** The address of registration in parts (ИППСУ item 4). */
  regAddressParts: AddressPartsInput.nullish(),
  /** Absent: the same as the address of registration. */
  actualAddress: optText(500),
  actualAddressParts: AddressPartsInput.nullish(),
  phone: optText(50),
  email,
});

export const REG_ADDRESS_REQUIRED = 'Укажите адрес регистрации';

/**
 * The one-line addresses made from the parts where they are given (the text
 * sent along is then ignored); the actual address defaults to the address of
 * registration, parts and all.
 */
function withAddressText<T extends z.output<typeof PersonFields>>(p: T) {
  const regParts = cleanAddress(p.regAddressParts);
  const regAddress = regParts ? formatAddress(regParts) : (p.regAddress ?? '');
  const actualParts = cleanAddress(p.actualAddressParts);
  const actual: { actualAddress: string; actualAddressParts: AddressParts | null } = actualParts
    ? { actualAddress: formatAddress(actualParts), actualAddressParts: actualParts }
    : p.actualAddress && p.actualAddress !== regAddress
      ? { actualAddress: p.actualAddress, actualAddressParts: null }
      : { actualAddress: regAddress, actualAddressParts: regParts };
  return { ...p, regAddress, regAddressParts: regParts, ...actual };
}

export const PersonInput = PersonFields.check(
  crossRule(z.object({ birthDate: isoDate, idDoc: z.object({ issueDate: isoDate }) }), (p, ctx) => {
    if (p.idDoc.issueDate < p.birthDate) issue(ctx, ['idDoc', 'issueDate'], ISSUED_BEFORE_BIRTH);
  }),
  crossRule(z.object({ regAddress: maybe, regAddressParts: maybe }), (p, ctx) => {
    if (!p.regAddressParts && !p.regAddress) issue(ctx, ['regAddress'], REG_ADDRESS_REQUIRED);
  }),
).transform(withAddressText);
export type PersonInput = z.input<typeof PersonInput>;

export const RepresentativeInput = z
  .object({
    fullName: text(200),
    idDoc: IdDoc,
    authority: z.enum(AUTHORITIES, { error: 'Укажите основание полномочий' }),
    /** Number of the power of attorney or of the document of authority. */
    authorityNumber: optText(60),
    authorityDate: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
    /** Organisation or body (for 'organization'). */
    organization: optText(300),
    phone: optText(50),
  })
  .check(
    // The fields of the authority chosen: absent ones are named, whatever else is still wrong.
    crossRule(z.object({ authority: z.enum(AUTHORITIES), authorityNumber: maybe, authorityDate: maybe, organization: maybe }), (r, ctx) => {
      if (r.authority === 'power_of_attorney') {
        if (r.authorityNumber === undefined) issue(ctx, ['authorityNumber'], 'Укажите номер доверенности');
        if (r.authorityDate === undefined) issue(ctx, ['authorityDate'], 'Укажите дату доверенности');
      }
      if (r.authority === 'organization' && r.organization === undefined) issue(ctx, ['organization'], 'Укажите организацию или орган');
    }),
  );
export type RepresentativeInput = z.input<typeof RepresentativeInput>;


export const Circumstances = z.object({
  disabled: z.boolean().default(false),
  underAdministrativeSupervision: z.boolean().default(false),
  relativesUnableToCare: z.number().int().min(0).max(20, { error: 'Не более 20 родственников' }).default(0),
  legallyIncapacitated: z.boolean().default(false),
  mentalDisorder: z.boolean().default(false),
  pensioner: z.boolean().default(false),
  leftWithoutParentalCare: z.boolean().default(false),
  legalRepresentativesDetained: z.boolean().default(false),
  policeReferral: z.boolean().default(false),
});
export type Circumstances = z.infer<typeof Circumstances>;

/** The 159н application's fields the checklist does not need (core/domain/application-159n.ts names them). */
export const ApplicationDetails = z.object({
  /** The social services needed and their frequency. */
  desiredServices: optText(2000),
  desiredProviders: optText(1000),
  livingConditions: optText(2000),
  household: optText(2000),
  /** The applicant gave the consent to personal-data processing (ст. 9 152-ФЗ). */
  consent: z.boolean().default(false),
});
export type ApplicationDetails = z.infer<typeof ApplicationDetails>;

export const DocumentMark = z
  .object({
    key: text(80),
    state: z.enum(DOC_STATES),
    form: z.enum(DOC_FORMS).optional(),
    sheets: z.number().int().min(1, { error: 'Не менее 1 листа' }).max(999).optional(),
  })
  .check(
    // A document received is marked original or copy, with its sheets.
    crossRule(z.object({ state: z.literal('received'), form: maybe, sheets: maybe }), (d, ctx) => {
      if (d.form === undefined) issue(ctx, ['form'], 'Укажите: подлинник или копия');
      if (d.sheets === undefined) issue(ctx, ['sheets'], 'Укажите число листов');
    }),
  );
export type DocumentMark = z.infer<typeof DocumentMark>;

const localDateTime = z
  .string({ error: 'Укажите дату и время поступления' })
  .max(16, { error: 'Укажите дату и время поступления' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'Укажите дату и время поступления' })
  .refine((s) => isIsoDate(s.slice(0, 10)) && Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60, {
    error: 'Неверные дата или время',
  });

export const RegisterInput = z
  .object({
    /** Reuse this person (their record is updated with the data entered)… */
    personId: id.optional(),
    /** …as read at their revision: a person changed meanwhile is refused. */
    personRev: rev.optional(),
    applicant: PersonInput,
    representative: RepresentativeInput.nullable(),
    subservice: z.enum(SUBSERVICE_CODES, { error: 'Выберите подуслугу' }),
    channel: z.enum(CHANNELS, { error: 'Укажите способ поступления' }),
    mfcCode: optText(40),
    /** Local date and time of receipt, 'YYYY-MM-DDTHH:MM'. */
    receivedAt: localDateTime,
    lgota: z.enum(INCOME_EXEMPTION_CODES).nullable().default(null),
    circumstances: Circumstances,
    application: ApplicationDetails.optional(),
    documents: z.array(DocumentMark).max(200),
    /** Links an application that came from the portal (exchange). */
    portalId: optText(100),
    /** The signed ИППСУ this application asks to review (the person is carried over). */
    reviewOfDecisionId: id.optional(),
  })
  .check(
    crossRule(z.object({ personId: id, personRev: maybe }), (a, ctx) => {
      if (a.personRev === undefined) issue(ctx, ['personRev'], 'Не указана версия записи о заявителе: выберите заявителя заново');
    }),
    crossRule(z.object({ channel: z.enum(CHANNELS), mfcCode: maybe }), (a, ctx) => {
      if (a.channel === 'mfc' && a.mfcCode === undefined) issue(ctx, ['mfcCode'], 'Выберите МФЦ');
      if (a.channel !== 'mfc' && a.mfcCode !== undefined) issue(ctx, ['mfcCode'], 'МФЦ указывается только для заявлений, поступивших через МФЦ');
    }),
    crossRule(z.object({ subservice: z.literal('minors-semi-stationary'), representative: z.object({ authority: maybe }).nullable() }), (a, ctx) => {
      if (a.representative?.authority !== 'legal') issue(ctx, ['representative'], 'Для несовершеннолетнего заявление подаёт законный представитель: укажите его');
    }),
    // The applicant's dates against the day of receipt (p.43: their age on that day sets the documents).
    crossRule(z.object({ receivedAt: localDateTime, applicant: z.object({ birthDate: isoDate }) }), (a, ctx) => {
      const received = a.receivedAt.slice(0, 10);
      const age = fullYears(a.applicant.birthDate, received);
      if (a.applicant.birthDate > received) issue(ctx, ['applicant', 'birthDate'], BIRTH_AFTER_RECEIPT);
      else if (age > 130) issue(ctx, ['applicant', 'birthDate'], 'Проверьте дату рождения: заявителю больше 130 лет');
    }),
    crossRule(z.object({ receivedAt: localDateTime, subservice: z.literal('minors-semi-stationary'), applicant: z.object({ birthDate: isoDate }) }), (a, ctx) => {
      if (fullYears(a.applicant.birthDate, a.receivedAt.slice(0, 10)) >= 18) issue(ctx, ['applicant', 'birthDate'], 'Подуслуга для несовершеннолетних: заявителю больше 18 лет');
    }),
    crossRule(z.object({ receivedAt: localDateTime, applicant: z.object({ birthDate: isoDate, idDoc: z.object({ kind: z.enum(ID_DOC_KINDS) }) }) }), (a, ctx) => {
      const age = fullYears(a.applicant.birthDate, a.receivedAt.slice(0, 10));
      if (age >= 0 && age < 14 && a.applicant.idDoc.kind !== 'birth_certificate') issue(ctx, ['applicant', 'idDoc', 'kind'], 'Ребёнку до 14 лет: укажите свидетельство о рождении');
    }),
    crossRule(z.object({ receivedAt: localDateTime, applicant: z.object({ idDoc: z.object({ issueDate: isoDate }) }) }), (a, ctx) => {
      if (a.applicant.idDoc.issueDate > a.receivedAt.slice(0, 10)) issue(ctx, ['applicant', 'idDoc', 'issueDate'], 'Дата выдачи позже даты поступления заявления');
    }),
  );
export type RegisterInput = z.input<typeof RegisterInput>;

/**
 * What RegisterInput cannot say without a clock: the moment of receipt is not
 * in the future (a few minutes' grace for clocks that differ) nor more than a
 * year back. `now` is the host's; the form checks with the same function.
 */
export function receivedAtError(receivedAt: string, now: Date): string | null {
  const date = receivedAt.slice(0, 10);
  if (!localDateTime.safeParse(receivedAt).success) return null;
  if (officeInstant(date, receivedAt.slice(11, 16)) > new Date(now.getTime() + 5 * 60_000)) return 'Дата и время поступления не могут быть позже текущего момента';
  if (diffDays(date, todayIso(now)) > 366) return 'Дата поступления больше года назад: проверьте год';
  return null;
}

// ------------------------------------------------------------------ views

export const PersonView = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  fullName: z.string(),
  birthDate: z.string(),
  sex: z.string(),
  snils: z.string().nullable(),
  citizenship: z.string(),
  idDoc: z.record(z.string(), z.string().nullable()),
  regAddress: z.string().nullable(),
  actualAddress: z.string().nullable(),
  /** Null for a person entered before addresses were asked in parts (only the text is known). */
  regAddressParts: AddressPartsView.nullable(),
  actualAddressParts: AddressPartsView.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  rev: z.number(),
});
export type PersonView = z.infer<typeof PersonView>;

export const CaseRow = z.object({
  id: z.number(),
  journalNumber: z.string(),
  journalYear: z.number(),
  journalSeq: z.number(),
  personId: z.number(),
  applicantName: z.string(),
  applicantBirthDate: z.string(),
  snils: z.string().nullable(),
  subservice: z.string(),
  channel: z.string(),
  status: z.enum(CASE_STATUSES),
  receivedAt: z.string(),
  registeredAt: z.string(),
  registeredByName: z.string(),
  /** Date by which the result is due (p.17). */
  dueResult: z.string(),
  nextDue: z.string().nullable(),
  nextDueKind: z.string().nullable(),
  urgency: z.enum(['overdue', 'today', 'soon', 'later']).nullable(),
  annulReason: z.string().nullable(),
  /** The responsible specialist; null while left for the head to assign. */
  responsibleId: z.number().nullable(),
  responsibleName: z.string().nullable(),
  /** p.35, p.43: registered after its registration term. */
  registeredLate: z.boolean(),
  rev: z.number(),
});
export type CaseRow = z.infer<typeof CaseRow>;

export const PersonWithCases = PersonView.extend({ cases: z.array(CaseRow) });
export type PersonWithCases = z.infer<typeof PersonWithCases>;

export const CaseDocumentView = z.object({
  key: z.string(),
  title: z.string(),
  paragraph: z.string(),
  source: z.string(),
  agencyCode: z.string().nullable(),
  state: z.enum(DOC_STATES),
  /** For an item to request: where its request stands (null while none is sent). */
  request: z
    .object({
      state: z.enum(['requested', 'answered']),
      outgoingNumber: z.string(),
      sentDate: z.string(),
      dueDate: z.string(),
      answerDate: z.string().nullable(),
    })
    .nullable()
    .optional(),
  form: z.string().nullable(),
  sheets: z.number().nullable(),
});

export const CaseView = CaseRow.extend({
  applicant: PersonFields.extend({
    snils: z.string().optional(),
    regAddress: z.string(),
    regAddressParts: AddressPartsView.nullish(),
    actualAddressParts: AddressPartsView.nullish(),
  }).passthrough(),
  representative: z.record(z.string(), z.unknown()).nullable(),
  mfcCode: z.string().nullable(),
  mfcName: z.string().nullable(),
  lgota: z.string().nullable(),
  circumstances: z.record(z.string(), z.unknown()),
  /** The 159н fields entered at intake; null for a case registered before they were asked. */
  application: ApplicationDetails.nullable(),
  registeredByPosition: z.string(),
  annulledAt: z.string().nullable(),
  deadlines: z.object({
    registration: z.string().nullable(),
    requests: z.string().nullable(),
    decision: z.string(),
    result: z.string(),
    issue: z.string().nullable(),
  }),
  /** The working-day terms in force at registration, which the deadlines are counted with. */
  appliedTerms: z.record(z.string(), z.number()),
  /** The signed ИППСУ this application reviews. */
  reviewOfDecisionId: z.number().nullable(),
  documents: z.array(CaseDocumentView),
  /** The person card as it is now, when it changed after this registration (the case keeps the data as registered). */
  personNow: z.object({ fullName: z.string(), snils: z.string().nullable(), updatedAt: z.string(), updatedByName: z.string().nullable() }).nullable().optional(),
  prints: z.array(z.object({ form: z.string(), fileName: z.string(), at: z.string(), userName: z.string() })),
}).extend(ProcessingView.shape);
export type CaseView = z.infer<typeof CaseView>;

export const FileOut = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
export type FileOut = z.infer<typeof FileOut>;

export const CaseFilters = z.object({
  q: optText(100),
  status: z.enum(CASE_STATUSES).optional(),
  subservice: z.enum(SUBSERVICE_CODES).optional(),
  channel: z.enum(CHANNELS).optional(),
  registeredBy: id.optional(),
  urgency: z.enum(['overdue', 'today', 'soon']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...ControlCaseFilters.shape,
});
