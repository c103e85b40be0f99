/** Schemas of the exchange with the central portal as the UI sees it (see docs/exchange-protocol.md). */
import { z } from 'zod';
import { id, optText } from './schemas';

/** What the office sees until a portal address and the office's secret are set. */
export const EXCHANGE_NOT_CONFIGURED =
  'Обмен с порталом не настроен: адрес портала и секрет управления указывает администратор в настройках подключения. До этого программа к порталу не обращается; пакеты файлами можно выгружать и загружать.';

export const ExchangeStatus = z.object({
  /** A portal address and the office's secret are both set; until then nothing is attempted. */
  configured: z.boolean(),
  portalUrl: z.string().nullable(),
  secretSet: z.boolean(),
  intervalMinutes: z.number(),
  lastSuccess: z.string().nullable(),
  lastAttempt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  running: z.boolean(),
  pendingOutbound: z.number(),
  lastErrors: z.array(z.string()),
  quarantine: z.array(z.object({ id: z.string(), type: z.string(), receivedAt: z.string(), error: z.string().nullable(), via: z.string() })),
  history: z.array(
    z.object({
      kind: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      pushed: z.number(),
      pulled: z.number(),
      quarantined: z.number(),
      outcome: z.string(),
      error: z.string().nullable(),
    }),
  ),
});

/** Only https:// to the portal; plain http:// only to this computer (the emulator and tests). */
export function portalUrlAllowed(url: string): boolean {
  if (!/^https?:\/\/[^\s]+$/.test(url)) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return u.protocol === 'http:' && (host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host));
}

export const SaveExchangeSettings = z.object({
  portalUrl: z
    .string()
    .trim()
    .max(300)
    .refine((s) => s === '' || portalUrlAllowed(s), { error: 'Адрес портала: начинается с https:// (http:// — только для проверки на этом компьютере)' }),
  /** Leave empty to keep the current secret. */
  officeSecret: optText(200),
  intervalMinutes: z.number().int().min(1, { error: 'Не меньше 1 минуты' }).max(24 * 60, { error: 'Не больше суток' }),
});

export const SyncReportView = z.object({
  ok: z.boolean(),
  pushed: z.number(),
  pulled: z.number(),
  applied: z.number(),
  quarantined: z.number(),
  pendingOutbound: z.number(),
  errors: z.array(z.string()),
});

export const PortalApplicationRow = z.object({
  id: z.number(),
  portalId: z.string(),
  channel: z.string(),
  applicantName: z.string(),
  receivedAt: z.string(),
  dueRegistration: z.string(),
  urgency: z.enum(['overdue', 'today', 'soon', 'later']),
  caseId: z.number().nullable(),
});

export const PortalCaseData = z.object({
  /** Planned vs delivered: each service of the signed ИППСУ with the quantity the portal reports delivered. */
  plan: z.array(z.object({ name: z.string(), volume: z.string(), periodicity: z.string(), delivered: z.number(), unit: z.string().nullable() })),
  contracts: z.array(
    z.object({ provider: z.string(), status: z.string(), date: z.string(), contractNumber: z.string().nullable(), termFrom: z.string().nullable(), termUntil: z.string().nullable() }),
  ),
  deliveries: z.array(z.object({ serviceCode: z.string().nullable(), serviceName: z.string(), quantity: z.number(), unit: z.string().nullable(), periodFrom: z.string(), periodUntil: z.string(), actSigned: z.boolean() })),
});

export const ImportPackageInput = z.object({ fileName: z.string().max(300), text: z.string().max(100_000_000) });
export const RetryQuarantinedInput = z.object({ eventId: z.string().min(1).max(100) });
export const PortalPrefillInput = z.object({ id });
