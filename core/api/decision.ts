/**
 * Schemas of the decision stage (регламент, п. 16, 46–47): the individual
 * programme (ИППСУ, приказ Минтруда России от 10.11.2014 N 874н,
 * Приложение 2), the refusal (п. 31) and the interagency request letter
 * (п. 14, 25; 210-ФЗ ст. 7.2). Shared by the backend and the renderer.
 */
import { z } from 'zod';
import { ippsuTermError } from '../domain/ippsu-term';
import { REFUSAL_GROUND_CODES } from '../domain/refusal-grounds';
import { isoDate, optSnils, optText, text } from './schemas';

// ------------------------------------------------------------------ service types

/** The seven types of social services (item 10 of the ИППСУ); 0 marks urgent services in the catalogue. */
export const SERVICE_TYPES = [1, 2, 3, 4, 5, 6, 7] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_TYPE_ROMAN: Record<ServiceType, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV', 5: 'V', 6: 'VI', 7: 'VII' };

/** Headings of the seven service tables, as in the 874н form. */
export const SERVICE_TYPE_NAMES: Record<ServiceType, string> = {
  1: 'Социально-бытовые',
  2: 'Социально-медицинские',
  3: 'Социально-психологические',
  4: 'Социально-педагогические',
  5: 'Социально-трудовые',
  6: 'Социально-правовые',
  7: 'Услуги в целях повышения коммуникативного потенциала получателей социальных услуг, имеющих ограничения жизнедеятельности, в том числе детей-инвалидов',
};

/** Catalogue type code of the urgent services (given without an ИППСУ). */
export const URGENT_SERVICE_TYPE = 0;
export const URGENT_SERVICES_NAME = 'Срочные социальные услуги';

/** An entry of the editable service catalogue (seed: resources/reference/services.json). */
export const ServiceCatalogItem = z.object({
  code: z.string().regex(/^[a-z]+-\d{2,}$/, { error: 'Код услуги: латинские буквы, дефис, номер (например, sb-01)' }),
  type: z.number().int().min(0).max(7),
  name: text(500),
  unit: text(40),
  urgent: z.boolean().optional(),
});
export type ServiceCatalogItem = z.infer<typeof ServiceCatalogItem>;

// ------------------------------------------------------------------ ИППСУ

export const SERVICE_FORMS = ['home', 'semi-stationary', 'stationary'] as const;
export type ServiceForm = (typeof SERVICE_FORMS)[number];
export const SERVICE_FORM_LABELS: Record<ServiceForm, string> = {
  home: 'в форме социального обслуживания на дому',
  'semi-stationary': 'в полустационарной форме социального обслуживания',
  stationary: 'в стационарной форме социального обслуживания',
};

export const PAYMENTS = ['free', 'partial', 'full'] as const;
export type Payment = (typeof PAYMENTS)[number];
export const PAYMENT_LABELS: Record<Payment, string> = {
  free: 'бесплатно',
  partial: 'за частичную плату',
  full: 'за полную плату',
};

export const FIRST_OR_REPEAT = ['first', 'repeat'] as const;
export type FirstOrRepeat = (typeof FIRST_OR_REPEAT)[number];
export const FIRST_OR_REPEAT_LABELS: Record<FirstOrRepeat, string> = { first: 'впервые', repeat: 'повторно' };

export const IppsuService = z.object({
  type: z
    .number({ error: 'Выберите вид социальной услуги' })
    .int({ error: 'Выберите вид социальной услуги' })
    .min(1, { error: 'Выберите вид социальной услуги' })
    .max(7, { error: 'Выберите вид социальной услуги' }),
  /** Catalogue code; absent for a service typed in by hand. */
  serviceCode: optText(40),
  name: text(500),
  /** Amount with its unit, e.g. «8 услуг», «6 кв. м». */
  volume: text(100),
  /** e.g. «2 раза в неделю». */
  periodicity: text(100),
  /** e.g. «до 31.03.2026», «6 месяцев». */
  term: text(100),
});
export type IppsuService = z.infer<typeof IppsuService>;

export const IppsuProvider = z.object({
  name: text(500),
  address: text(500),
  contacts: text(300),
});
export type IppsuProvider = z.infer<typeof IppsuProvider>;

/** Мероприятие по социальному сопровождению (item 14). */
export const SupportMeasure = z.object({
  kind: text(500),
  /** Organisation that carries the measure out. */
  recipient: optText(300),
});
export type SupportMeasure = z.infer<typeof SupportMeasure>;

export const IppsuDraft = z
  .object({
    /** Outgoing number: assigned at sign-off, empty in a draft. */
    number: optText(50),
    /** Дата составления. */
    date: isoDate,
    firstOrRepeat: z.enum(FIRST_OR_REPEAT, { error: 'Укажите, составлена программа впервые или повторно' }),
    /** The programme is drawn up for a term: «на срок до». */
    termUntil: isoDate,
    form: z.enum(SERVICE_FORMS, { error: 'Выберите форму социального обслуживания' }),
    services: z
      .array(IppsuService, { error: 'Добавьте хотя бы одну социальную услугу' })
      .min(1, { error: 'Добавьте хотя бы одну социальную услугу' })
      .max(200, { error: 'Не более 200 социальных услуг' }),
    /** Recommended providers (item 12). */
    providers: z.array(IppsuProvider, { error: 'Неверный список поставщиков' }).max(50, { error: 'Не более 50 поставщиков' }).default([]),
    payment: z.enum(PAYMENTS, { error: 'Укажите условия оплаты: бесплатно, за частичную или за полную плату' }),
    /** Мероприятия по социальному сопровождению (item 14). */
    supportMeasures: z.array(SupportMeasure).max(50, { error: 'Не более 50 мероприятий' }).optional(),
    /** Further conditions of providing the services (item 11). */
    conditions: optText(2000),
  })
  .superRefine((d, ctx) => {
    // 874н item 8 «на срок до»: after the programme's date, at most three years (442-ФЗ ст. 16).
    const err = ippsuTermError(d.date, d.termUntil);
    if (err) ctx.addIssue({ code: 'custom', path: ['termUntil'], message: err });
  });
export type IppsuDraft = z.infer<typeof IppsuDraft>;
export type IppsuDraftInput = z.input<typeof IppsuDraft>;

// ------------------------------------------------------------------ refusal

export const RefusalDraft = z.object({
  grounds: z
    .array(z.enum(REFUSAL_GROUND_CODES, { error: 'Неизвестное основание отказа: выберите основание из пункта 31 регламента' }), {
      error: 'Выберите основание отказа',
    })
    .min(1, { error: 'Выберите хотя бы одно основание отказа (п. 31 регламента)' })
    .max(REFUSAL_GROUND_CODES.length * 2, { error: 'Слишком много оснований отказа' })
    .transform((g) => [...new Set(g)]),
  /** The motivated reasoning: which facts lead to the grounds chosen. */
  motivatedText: z
    .string({ error: 'Изложите мотивированное обоснование отказа' })
    .trim()
    .min(1, { error: 'Изложите мотивированное обоснование отказа' })
    .max(4000, { error: 'Не более 4000 символов' }),
  date: isoDate,
});
export type RefusalDraft = z.infer<typeof RefusalDraft>;

// ------------------------------------------------------------------ interagency request

export const RequestPerson = z.object({
  lastName: text(100),
  firstName: text(100),
  middleName: optText(100),
  birthDate: isoDate,
  snils: optSnils,
  address: text(500),
});
export type RequestPerson = z.infer<typeof RequestPerson>;

export const Signer = z.object({ position: text(200), name: text(200) });
export type Signer = z.infer<typeof Signer>;

export const InteragencyRequestLetter = z.object({
  /** Code of the agency (reference «agency»: csv, mvd, sfr, fms, rosreestr, …). */
  agencyCode: text(40),
  /** What is requested, e.g. «сведения об отсутствии (либо наличии) у гражданина судимости». */
  requested: text(2000),
  person: RequestPerson,
  /** Outgoing number of the letter. */
  number: text(50),
  date: isoDate,
  signer: Signer,
  /** The specialist who prepared the letter (printed at the bottom). */
  executor: z.object({ name: text(200), position: optText(200), phone: text(50) }),
  /** Registration of the application the request is made for (optional). */
  applicationNumber: optText(50),
  applicationDate: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
});
export type InteragencyRequestLetter = z.infer<typeof InteragencyRequestLetter>;
