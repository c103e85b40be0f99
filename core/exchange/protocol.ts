/**
 * Exchange with the central social-services portal, protocol v1
 * (docs/exchange-protocol.md): the event envelope, the payload of every event
 * type in both directions, the push / pull / ack bodies, the package file
 * format, the mapping of case states to the statuses the portal shows, and
 * the HMAC-SHA256 request signatures. Shared by the office backend, the portal
 * emulator and the tests; node:crypto is used only by the signing helpers.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ApplicationDetails, PersonInput, RepresentativeInput, type RegisterInput } from '../api/reception';
import { SERVICE_FORMS } from '../api/decision';
import { DECISION_KINDS, ISSUE_METHODS } from '../api/processing';
import { CALENDAR_DAY_KINDS } from '../domain/calendar';
import type { CaseStatus } from '../domain/case-states';
import { SUBSERVICE_CODES } from '../domain/checklists';

export const PROTOCOL_VERSION = 1;
export const SCHEMA_VERSION = 1;
/** Requests whose timestamp is further than this from the receiver's clock are refused (replay window). */
export const TIMESTAMP_WINDOW_SECONDS = 300;
export const MAX_BATCH = 1000;

export const HEADER_OFFICE = 'x-socdesk-office';
export const HEADER_TIMESTAMP = 'x-socdesk-timestamp';
export const HEADER_SIGNATURE = 'x-socdesk-signature';

// ------------------------------------------------------------------ small pieces

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Дата в формате ГГГГ-ММ-ДД' });
const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, {
  error: 'Дата и время в формате ISO 8601',
});
const str = (max = 500) => z.string().trim().min(1, { error: 'Заполните поле' }).max(max, { error: `Не более ${max} символов` });
const optStr = (max = 500) => z.string().max(max).nullable().optional();
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'Идентификатор события должен быть UUID' });
const period = z.object({ from: isoDate, until: isoDate });

/** Minimal identification of the recipient: what the portal needs to find the citizen's cabinet. */
const Recipient = z.object({
  lastName: str(100),
  firstName: str(100),
  middleName: optStr(100),
  birthDate: isoDate,
  snils: optStr(20),
});

/** Where an office→portal event belongs: the case in the office and, for an online application, its portal id. */
const CaseRef = z.object({
  caseId: z.number().int().positive(),
  journalNumber: str(40),
  portalId: z.string().max(100).nullable(),
});

// ------------------------------------------------------------------ statuses

/** Statuses of an application as the portal shows them (the citizen's «Текущий статус»). */
export const PORTAL_STATUSES = ['Принято', 'В работе', 'Одобрено', 'Отказано', 'Выдано'] as const;
export type PortalStatus = (typeof PORTAL_STATUSES)[number];

/**
 * The portal status of a case, or null where v1 has none (withdrawn, annulled).
 * `decisionKind` is the kind of the signed result, needed for 'signed'.
 */
export function portalStatusFor(status: CaseStatus, decisionKind?: 'ippsu' | 'refusal' | null): PortalStatus | null {
  switch (status) {
    case 'registered':
      return 'Принято';
    case 'requests_sent':
    case 'documents_complete':
    case 'decision_drafted':
      return 'В работе';
    case 'signed':
      return decisionKind === 'refusal' ? 'Отказано' : decisionKind === 'ippsu' ? 'Одобрено' : null;
    case 'issued':
      return 'Выдано';
    default:
      return null;
  }
}

/** Contract statuses of the portal (user guide, section 3): code on the command line, label on the wire. */
export const CONTRACT_STATUSES = ['Выбран поставщик', 'На заключении', 'На подписании', 'Подписан', 'Расторгнут'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_CODES: Record<string, ContractStatus> = {
  selected: 'Выбран поставщик',
  concluding: 'На заключении',
  signing: 'На подписании',
  signed: 'Подписан',
  terminated: 'Расторгнут',
};

export const PORTAL_CHANNELS = ['epgu', 'regional_portal', 'mfc'] as const;
export const PORTAL_CHANNEL_LABELS: Record<(typeof PORTAL_CHANNELS)[number], string> = {
  epgu: 'ЕПГУ',
  regional_portal: 'Региональный портал',
  mfc: 'МФЦ',
};

// ------------------------------------------------------------------ office → portal payloads

export const ApplicationRegisteredPayload = CaseRef.extend({
  registeredAt: isoDateTime,
  /** Local date and time of receipt, 'YYYY-MM-DDTHH:MM'. */
  receivedAt: z.string().max(40),
  channel: z.string().max(40),
  subservice: z.string().max(60),
  mfcCode: z.string().max(40).nullable(),
  applicant: Recipient,
});

export const ApplicationStatusPayload = CaseRef.extend({
  status: z.enum(PORTAL_STATUSES),
  /** Local date of the change. */
  date: isoDate,
  at: isoDateTime,
  comment: z.string().max(500).nullable().optional(),
});

export const IppsuServicePayload = z.object({
  type: z.number().int().min(1).max(7),
  serviceCode: z.string().max(40).nullable(),
  name: str(500),
  volume: str(100),
  periodicity: str(100),
  term: str(100),
});

export const IppsuSignedPayload = CaseRef.extend({
  number: str(50),
  date: isoDate,
  termUntil: isoDate,
  version: z.number().int().positive(),
  firstOrRepeat: z.string().max(20),
  form: z.string().max(40),
  payment: z.string().max(20),
  services: z.array(IppsuServicePayload).min(1),
  providers: z.array(z.object({ name: str(500), address: z.string().max(500), contacts: z.string().max(300) })),
  supportMeasures: z.array(z.object({ kind: str(500), recipient: z.string().max(300).nullable() })),
  conditions: z.string().max(2000).nullable(),
  recipient: Recipient,
  signedAt: isoDateTime,
  signedBy: z.object({ name: str(200), position: z.string().max(200) }),
  /** SHA-256 of the signed DOCX kept by the office. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const RefusalSignedPayload = CaseRef.extend({
  number: str(50),
  date: isoDate,
  version: z.number().int().positive(),
  grounds: z.array(z.object({ code: str(60), text: str(2000) })).min(1),
  motivatedText: str(4000),
  recipient: Recipient,
  signedAt: isoDateTime,
  signedBy: z.object({ name: str(200), position: z.string().max(200) }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ResultIssuedPayload = CaseRef.extend({
  number: str(50),
  kind: z.enum(DECISION_KINDS),
  issuedDate: isoDate,
  method: z.enum(ISSUE_METHODS),
  postalId: z.string().max(60).nullable(),
});

export const OUTBOUND_PAYLOADS = {
  'application.registered': ApplicationRegisteredPayload,
  'application.status': ApplicationStatusPayload,
  'ippsu.signed': IppsuSignedPayload,
  'refusal.signed': RefusalSignedPayload,
  'result.issued': ResultIssuedPayload,
} as const;
export type OutboundType = keyof typeof OUTBOUND_PAYLOADS;
export const OUTBOUND_TYPES = Object.keys(OUTBOUND_PAYLOADS) as OutboundType[];
export type OutboundPayload<T extends OutboundType> = z.infer<(typeof OUTBOUND_PAYLOADS)[T]>;

// ------------------------------------------------------------------ portal → office payloads

export const AttachedDocument = z.object({
  /** Checklist key (core/domain/checklists) when the portal knows it. */
  key: z.string().max(80).nullable().optional(),
  title: str(300),
  fileName: z.string().max(300).nullable().optional(),
  sheets: z.number().int().min(1).max(999).nullable().optional(),
});

export const ApplicationSubmittedPayload = z
  .object({
    /** The application's id on the portal (unique). */
    portalId: str(100),
    channel: z.enum(PORTAL_CHANNELS, { error: 'Канал подачи: ЕПГУ, региональный портал или МФЦ' }),
    mfcCode: z.string().max(40).nullable().optional(),
    /** When the portal received it (UTC). */
    submittedAt: isoDateTime,
    /** The same moment, office-local, 'YYYY-MM-DDTHH:MM' (what the journal records as the receipt). */
    receivedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'Дата и время поступления: ГГГГ-ММ-ДДTЧЧ:ММ' }),
    subservice: z.enum(SUBSERVICE_CODES, { error: 'Неизвестная подуслуга' }),
    applicant: PersonInput,
    representative: RepresentativeInput.nullable().optional(),
    lgota: z.string().max(60).nullable().optional(),
    circumstances: z.record(z.string(), z.union([z.boolean(), z.number()])).optional(),
    /**
     * v1.1, optional: the 159н application's own fields as the citizen filled them on the portal (the services
     * and their frequency, the providers, living conditions, household, the consent), validated as the intake's.
     */
    application: ApplicationDetails.optional(),
    documents: z.array(AttachedDocument).max(200),
  })
  .superRefine((a, ctx) => {
    if (a.channel === 'mfc' && !a.mfcCode) ctx.addIssue({ code: 'custom', path: ['mfcCode'], message: 'Для МФЦ укажите код МФЦ' });
  });
export type ApplicationSubmittedPayload = z.input<typeof ApplicationSubmittedPayload>;

export const ContractStatusPayload = z.object({
  ippsuNumber: str(50),
  contractNumber: z.string().max(60).nullable().optional(),
  provider: z.object({ name: str(500), inn: z.string().max(12).nullable().optional() }),
  status: z.enum(CONTRACT_STATUSES, { error: 'Неизвестный статус договора' }),
  /** Date of the status change. */
  date: isoDate,
  /** The contract's term; none until the provider has set it («На заключении»). */
  term: period.nullable().optional(),
});

export const ServicesDeliveredPayload = z.object({
  ippsuNumber: str(50),
  contractNumber: z.string().max(60).nullable().optional(),
  period,
  items: z
    .array(
      z.object({
        serviceCode: z.string().max(40).nullable().optional(),
        serviceName: str(500),
        quantity: z.number().nonnegative({ error: 'Количество не может быть отрицательным' }),
        unit: z.string().max(40).nullable().optional(),
      }),
    )
    .min(1, { error: 'Нет ни одной услуги' }),
});

export const ActSignedPayload = z.object({
  ippsuNumber: str(50),
  contractNumber: z.string().max(60).nullable().optional(),
  /** The act covers deliveries within this period; absent: all deliveries of the ИППСУ. */
  period: period.nullable().optional(),
  signedAt: isoDateTime,
});

export const ReferenceProvidersPayload = z.object({
  providers: z.array(
    z.object({
      name: str(500),
      address: str(500),
      phone: z.string().max(100).nullable().optional(),
      email: z.string().max(200).nullable().optional(),
      forms: z.array(z.enum(SERVICE_FORMS)),
      serviceCodes: z.array(z.string().max(40)),
      active: z.boolean().default(true),
    }),
  ),
});

export const ReferenceServicesPayload = z.object({
  services: z.array(
    z.object({
      code: z.string().regex(/^[a-z]+-\d{2,}$/, { error: 'Код услуги: латинские буквы, дефис, номер' }),
      type: z.number().int().min(0).max(7),
      name: str(500),
      unit: str(40),
      urgent: z.boolean().optional(),
      active: z.boolean().optional(),
    }),
  ),
});

export const ReferenceCalendarPayload = z.object({
  year: z.number().int().min(2000).max(2100),
  source: str(300),
  confirmed: z.boolean(),
  days: z.array(z.object({ date: isoDate, kind: z.enum(CALENDAR_DAY_KINDS), note: z.string().max(200).nullable().optional() })),
});

export const INBOUND_PAYLOADS = {
  'application.submitted': ApplicationSubmittedPayload,
  'contract.status': ContractStatusPayload,
  'services.delivered': ServicesDeliveredPayload,
  'services.act_signed': ActSignedPayload,
  'reference.providers': ReferenceProvidersPayload,
  'reference.services': ReferenceServicesPayload,
  'reference.calendar': ReferenceCalendarPayload,
} as const;
export type InboundType = keyof typeof INBOUND_PAYLOADS;
export const INBOUND_TYPES = Object.keys(INBOUND_PAYLOADS) as InboundType[];
export type InboundPayload<T extends InboundType> = z.infer<(typeof INBOUND_PAYLOADS)[T]>;

// ------------------------------------------------------------------ envelope, batches

/** An event as it travels: the payload is checked per type by parseEvent. */
export const ExchangeEvent = z.object({
  id: uuid,
  seq: z.number().int().positive(),
  type: z.string().min(1).max(60),
  schemaVersion: z.number().int(),
  occurredAt: isoDateTime,
  payload: z.unknown(),
});
export type ExchangeEvent = z.infer<typeof ExchangeEvent>;

export const PushRequest = z.object({
  events: z.array(ExchangeEvent).max(MAX_BATCH),
  /** v1.1: the office's audit-chain head at the time of the push (count and SHA-256), so the portal holds a record of its history. */
  auditHead: z.object({ count: z.number().int().nonnegative(), head: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResponse = z.object({
  accepted: z.array(z.string()),
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** Highest seq such that every event 1..ackSeq of this office is processed (applied or rejected). */
  ackSeq: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullResponse = z.object({
  events: z.array(ExchangeEvent),
  /** Opaque: pass it back as `after`; null when the office has received nothing yet. */
  cursor: z.string().nullable(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const AckRequest = z.object({ cursor: z.string().min(1) });
export const ErrorResponse = z.object({ error: z.string(), message: z.string() });

export type ParsedEvent =
  | { ok: true; event: ExchangeEvent; type: OutboundType | InboundType; payload: unknown }
  | { ok: false; reason: string };

/** Validates an event's envelope and its payload against the schema of its type in the given direction. */
export function parseEvent(raw: unknown, direction: 'inbound' | 'outbound'): ParsedEvent {
  const env = ExchangeEvent.safeParse(raw);
  if (!env.success) return { ok: false, reason: `Неверный формат события: ${issueText(env.error)}` };
  const e = env.data;
  if (e.schemaVersion !== SCHEMA_VERSION) return { ok: false, reason: `Версия схемы события ${e.schemaVersion} не поддерживается (ожидается ${SCHEMA_VERSION})` };
  const table: Record<string, z.ZodType> = direction === 'inbound' ? INBOUND_PAYLOADS : OUTBOUND_PAYLOADS;
  const schema = table[e.type];
  if (!schema) return { ok: false, reason: `Неизвестный тип события «${e.type}»` };
  const p = schema.safeParse(e.payload);
  if (!p.success) return { ok: false, reason: `Событие «${e.type}»: ${issueText(p.error)}` };
  return { ok: true, event: e, type: e.type as OutboundType | InboundType, payload: p.data };
}

export function issueText(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

// ------------------------------------------------------------------ online application → RegisterInput

/** The registration form pre-filled from an online application (the specialist checks it and registers). */
export function toRegisterInput(raw: ApplicationSubmittedPayload): RegisterInput {
  const a = ApplicationSubmittedPayload.parse(raw);
  const rawA = raw as ApplicationSubmittedPayload;
  const documents = a.documents
    .filter((d) => d.key)
    .map((d) => ({ key: d.key!, state: 'received' as const, form: 'copy' as const, sheets: d.sheets ?? 1 }));
  return {
    applicant: rawA.applicant,
    representative: rawA.representative ?? null,
    subservice: a.subservice,
    channel: a.channel,
    mfcCode: a.mfcCode ?? undefined,
    receivedAt: a.receivedAt,
    lgota: (a.lgota ?? null) as RegisterInput['lgota'],
    circumstances: (a.circumstances ?? {}) as RegisterInput['circumstances'],
    ...(a.application ? { application: a.application } : {}),
    documents,
    portalId: a.portalId,
  };
}

// ------------------------------------------------------------------ package file

export const PACKAGE_FORMAT = 'socdesk-exchange-package';
/** 2: the events are encrypted (AES-256-GCM, protocol v1.1); 1 (events in clear) is no longer accepted. */
export const PACKAGE_VERSION = 2;
export const PACKAGE_DIRECTIONS = ['office-to-portal', 'portal-to-office'] as const;

export const PackageManifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.number().int(),
  officeCode: z.string().min(1).max(60),
  direction: z.enum(PACKAGE_DIRECTIONS),
  createdAt: isoDateTime,
  count: z.number().int().nonnegative(),
  firstSeq: z.number().int().nonnegative().nullable(),
  lastSeq: z.number().int().nonnegative().nullable(),
  /** SHA-256 (hex) of canonicalJson(events). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PackageManifest = z.infer<typeof PackageManifest>;

export const PackageFile = z.object({
  manifest: PackageManifest,
  /** AES-256-GCM of canonicalJson(events), base64; key from the office secret (packageKey), additional data canonicalJson(manifest). */
  ciphertext: z.string().max(512 * 1024 * 1024),
  iv: z.string().regex(/^[0-9a-f]{24}$/),
  tag: z.string().regex(/^[0-9a-f]{32}$/),
  /** HMAC-SHA256 (hex) with the office secret over canonicalJson(manifest) (which includes the sha256). */
  hmac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PackageFile = z.infer<typeof PackageFile>;

/** JSON with object keys sorted at every level: the same value always gives the same bytes. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function packageHmac(secret: string, manifest: PackageManifest): string {
  return createHmac('sha256', secret).update(canonicalJson(manifest)).digest('hex');
}

/** The package key: HKDF-SHA256 of the office secret, bound to the office and the direction. */
export function packageKey(secret: string, officeCode: string, direction: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'socdesk-package-v2', `${officeCode}\n${direction}`, 32));
}

/** Builds a package file (as JSON text) from events already in wire form. */
export function buildPackage(secret: string, m: Omit<PackageManifest, 'format' | 'version' | 'count' | 'firstSeq' | 'lastSeq' | 'sha256'>, events: ExchangeEvent[]): string {
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    ...m,
    count: events.length,
    firstSeq: events.length ? events[0].seq : null,
    lastSeq: events.length ? events[events.length - 1].seq : null,
    sha256: sha256Hex(canonicalJson(events)),
  };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', packageKey(secret, manifest.officeCode, manifest.direction), iv);
  cipher.setAAD(Buffer.from(canonicalJson(manifest)));
  const ciphertext = Buffer.concat([cipher.update(canonicalJson(events), 'utf8'), cipher.final()]);
  return JSON.stringify({ manifest, ciphertext: ciphertext.toString('base64'), iv: iv.toString('hex'), tag: cipher.getAuthTag().toString('hex'), hmac: packageHmac(secret, manifest) });
}

export type PackageCheck =
  | { ok: true; manifest: PackageManifest; events: unknown[] }
  | { ok: false; reason: string };

/** Checks a package file as a whole; nothing of a package that fails any check may be applied. */
export function checkPackage(text: string, secret: string, expect: { officeCode: string; direction: (typeof PACKAGE_DIRECTIONS)[number] }): PackageCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'Файл обрезан или не является пакетом обмена.' };
  }
  const m = (json as { manifest?: { format?: unknown; version?: unknown } } | null)?.manifest;
  if (!m || m.format !== PACKAGE_FORMAT) return { ok: false, reason: 'Файл обрезан или не является пакетом обмена.' };
  if (m.version !== PACKAGE_VERSION) return { ok: false, reason: `Версия пакета ${String(m.version)} не поддерживается этой программой (нужна версия ${PACKAGE_VERSION}).` };
  const p = PackageFile.safeParse(json);
  if (!p.success) return { ok: false, reason: 'Файл повреждён: неверная структура пакета.' };
  const { manifest, hmac } = p.data;
  if (manifest.officeCode !== expect.officeCode) return { ok: false, reason: `Пакет предназначен другому управлению (код «${manifest.officeCode}»).` };
  if (manifest.direction !== expect.direction) {
    return { ok: false, reason: expect.direction === 'portal-to-office' ? 'Это пакет, выгруженный управлением, а не пакет портала.' : 'Это пакет портала, а не пакет управления.' };
  }
  if (!safeEqualHex(packageHmac(secret, manifest), hmac)) {
    return { ok: false, reason: 'Подпись пакета не совпадает: пакет изменён или подписан другим ключом управления.' };
  }
  let events: unknown[];
  try {
    const decipher = createDecipheriv('aes-256-gcm', packageKey(secret, manifest.officeCode, manifest.direction), Buffer.from(p.data.iv, 'hex'));
    decipher.setAAD(Buffer.from(canonicalJson(manifest)));
    decipher.setAuthTag(Buffer.from(p.data.tag, 'hex'));
    const plain = Buffer.concat([decipher.update(Buffer.from(p.data.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    const parsed = JSON.parse(plain) as unknown;
    if (!Array.isArray(parsed)) throw new Error('not an array');
    events = parsed;
  } catch {
    return { ok: false, reason: 'Файл повреждён: зашифрованные данные пакета изменены или обрезаны.' };
  }
  if (sha256Hex(canonicalJson(events)) !== manifest.sha256) return { ok: false, reason: 'Файл повреждён: контрольная сумма не совпадает.' };
  if (events.length !== manifest.count) return { ok: false, reason: `Файл повреждён: в пакете ${events.length} событий вместо ${manifest.count}.` };
  return { ok: true, manifest, events };
}

// ------------------------------------------------------------------ request signatures

/** The string a signature covers: method, path with query, timestamp and the SHA-256 of the body, one per line. */
export function signingString(method: string, path: string, timestamp: string, body: string | Buffer): string {
  return `${method.toUpperCase()}\n${path}\n${timestamp}\n${sha256Hex(body)}`;
}

/** HMAC-SHA256 (hex) of the signing string with the office secret. */
export function sign(secret: string, method: string, path: string, timestamp: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(signingString(method, path, timestamp, body)).digest('hex');
}

/**
 * Protocol v1.1: the portal signs every successful reply with the same HMAC
 * over `REPLY\nPATH\nREQUEST-SIGNATURE\nTIMESTAMP\nSHA256HEX(body)`: bound to
 * the request it answers, so neither a forged nor a replayed reply passes.
 */
export function signReply(secret: string, path: string, requestSignature: string, timestamp: string, body: string | Buffer): string {
  return sign(secret, 'REPLY', `${path}\n${requestSignature}`, timestamp, body);
}

export function verifyReply(secret: string, path: string, requestSignature: string, timestamp: string, body: string | Buffer, signature: string, nowMs = Date.now()): { ok: true } | { ok: false; reason: string } {
  return verify(secret, 'REPLY', `${path}\n${requestSignature}`, timestamp, body, signature, nowMs);
}

/**
 * Checks a request signature and the timestamp window (seconds since the
 * epoch, ±TIMESTAMP_WINDOW_SECONDS of `nowMs`). Constant-time comparison.
 */
export function verify(
  secret: string,
  method: string,
  path: string,
  timestamp: string,
  body: string | Buffer,
  signature: string,
  nowMs = Date.now(),
): { ok: true } | { ok: false; reason: string } {
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'Неверная метка времени запроса' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) {
    return { ok: false, reason: 'Метка времени запроса вне допустимого окна: проверьте часы компьютера' };
  }
  if (!safeEqualHex(sign(secret, method, path, timestamp, body), signature)) return { ok: false, reason: 'Подпись запроса не совпадает' };
  return { ok: true };
}

function safeEqualHex(a: string, b: string): boolean {
  if (!/^[0-9a-f]*$/i.test(b)) return false;
  const ba = Buffer.from(a, 'hex');
  const bb = Buffer.from(b, 'hex');
  return ba.length === bb.length && ba.length > 0 && timingSafeEqual(ba, bb);
}
