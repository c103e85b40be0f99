/** Sample portal → office payloads for the CLI, the tests and the benchmark (valid by construction). */
import { snilsChecksum } from '../../core/domain/snils';

function snils(seed: number): string {
  const first9 = String(3_000_000 + (seed % 996_000_000)).padStart(9, '0');
  return `${first9}${String(snilsChecksum(first9)).padStart(2, '0')}`;
}

export interface ApplicationSample {
  portalId?: string;
  lastName?: string;
  firstName?: string;
  middleName?: string;
  birthDate?: string;
  channel?: 'epgu' | 'regional_portal' | 'mfc';
  mfcCode?: string;
  receivedAt?: string;
  subservice?: string;
  seed?: number;
  /** The 159н fields (protocol v1.1); `null` sends an application without them, as a v1 portal does. */
  application?: Record<string, unknown> | null;
}

/** The 159н fields of a sample online application, as a citizen fills them in on the portal. */
export const SAMPLE_APPLICATION_159N = {
  desiredServices: 'Покупка и доставка продуктов питания — 2 раза в неделю; уборка жилого помещения — 1 раз в неделю',
  desiredProviders: 'БУ «Сургутский комплексный центр социального обслуживания населения»',
  livingConditions: 'Благоустроенная квартира на 3-м этаже, лифта нет',
  household: 'Проживает одна; сын проживает в г. Тюмени',
  consent: true,
} as const;

export function applicationSubmitted(o: ApplicationSample = {}): Record<string, unknown> {
  const seed = o.seed ?? Math.floor(Math.random() * 1e8);
  const receivedAt = o.receivedAt ?? '2026-11-25T09:30';
  return {
    portalId: o.portalId ?? `EPGU-${seed}`,
    channel: o.channel ?? 'epgu',
    mfcCode: o.channel === 'mfc' ? (o.mfcCode ?? 'mfc-surgut') : null,
    submittedAt: new Date(`${receivedAt}:00+05:00`).toISOString(),
    receivedAt,
    subservice: o.subservice ?? 'home',
    applicant: {
      lastName: o.lastName ?? 'Иванова',
      firstName: o.firstName ?? 'Мария',
      middleName: o.middleName ?? 'Ивановна',
      birthDate: o.birthDate ?? '1950-04-12',
      sex: 'female',
      snils: snils(seed),
      citizenship: 'rf',
      idDoc: { kind: 'passport_rf', series: '67 05', number: String(100000 + (seed % 899999)), issuer: 'ОВД г. Сургута', issueDate: '2005-06-01' },
      regAddress: '628400, г. Сургут, ул. Мира, д. 7, кв. 12',
      phone: '+7 (3462) 55-00-11',
    },
    representative: null,
    circumstances: { pensioner: true },
    ...(o.application === null ? {} : { application: o.application ?? SAMPLE_APPLICATION_159N }),
    documents: [
      { key: 'identity', title: 'Паспорт', fileName: 'passport.pdf', sheets: 2 },
      { key: 'medical-conclusion', title: 'Заключение медицинской организации', fileName: 'med.pdf', sheets: 1 },
    ],
  };
}

export function contractStatus(o: { ippsu: string; status: string; provider?: string; date?: string; from?: string; until?: string; contract?: string }): Record<string, unknown> {
  return {
    ippsuNumber: o.ippsu,
    contractNumber: o.contract ?? null,
    provider: { name: o.provider ?? 'БУ «Сургутский комплексный центр социального обслуживания населения»' },
    status: o.status,
    date: o.date ?? '2026-12-01',
    term: o.from && o.until ? { from: o.from, until: o.until } : null,
  };
}

export function servicesDelivered(o: { ippsu: string; from?: string; until?: string; items?: { serviceCode?: string; serviceName: string; quantity: number; unit?: string }[] }): Record<string, unknown> {
  return {
    ippsuNumber: o.ippsu,
    period: { from: o.from ?? '2026-12-01', until: o.until ?? '2026-12-31' },
    items: o.items ?? [
      { serviceCode: 'sb-01', serviceName: 'Покупка за счет средств получателя социальных услуг и доставка на дом продуктов питания', quantity: 8, unit: 'услуга' },
      { serviceCode: 'sm-01', serviceName: 'Измерение температуры тела, артериального давления', quantity: 12, unit: 'услуга' },
    ],
  };
}

export function referenceProviders(): Record<string, unknown> {
  return {
    providers: [
      {
        name: 'БУ «Сургутский комплексный центр социального обслуживания населения»',
        address: '628400, г. Сургут, ул. Энергетиков, д. 4',
        phone: '+7 (3462) 35-00-00',
        forms: ['home', 'semi-stationary'],
        serviceCodes: ['sb-01', 'sm-01'],
      },
    ],
  };
}
