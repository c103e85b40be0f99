import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InteragencyRequestLetter,
  IppsuDraft,
  PAYMENT_LABELS,
  RefusalDraft,
  SERVICE_FORM_LABELS,
  SERVICE_TYPES,
  SERVICE_TYPE_NAMES,
  ServiceCatalogItem,
} from '../../core/api/decision';
import { REFUSAL_GROUNDS, REFUSAL_GROUND_CODES, refusalGround } from '../../core/domain/refusal-grounds';
import services from '../../resources/reference/services.json';

const REGULATION = resolve(__dirname, '../../../shared/regulation/002_a1c7ae302c2d52ec.txt');

const validIppsu = () => ({
  number: '',
  date: '2025-03-17',
  firstOrRepeat: 'first',
  termUntil: '2026-03-16',
  form: 'home',
  services: [
    {
      type: 1,
      serviceCode: 'sb-12',
      name: 'Уборка жилых помещений',
      volume: '4 услуги в месяц',
      periodicity: '1 раз в неделю',
      term: 'до 16.03.2026',
    },
  ],
  providers: [{ name: 'БУ «КЦСОН»', address: '628011, г. Ханты-Мансийск, ул. Гагарина, д. 106', contacts: 'тел. 32-15-40' }],
  payment: 'free',
  supportMeasures: [{ kind: 'Содействие в получении медицинской помощи' }],
});

const validRefusal = () => ({
  grounds: ['documents-incomplete'],
  motivatedText: 'Не представлены документы о доходах за 12 месяцев.',
  date: '2025-03-14',
});

/** The messages of a failed parse, by dotted path. */
function issues(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(r.success).toBe(false);
  return Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

const CYRILLIC = /[А-Яа-яЁё]/;

describe('IppsuDraft', () => {
  it('accepts a valid programme; the number is optional until signing', () => {
    const r = IppsuDraft.safeParse(validIppsu());
    expect(r.success).toBe(true);
    expect(r.data!.number).toBeUndefined();
    expect(r.data!.services).toHaveLength(1);
    expect(IppsuDraft.safeParse({ ...validIppsu(), number: '86-15/118' }).data!.number).toBe('86-15/118');
  });

  it('defaults providers to an empty list and keeps support measures optional', () => {
    const { providers: _p, supportMeasures: _s, ...rest } = validIppsu();
    const r = IppsuDraft.safeParse(rest);
    expect(r.success).toBe(true);
    expect(r.data!.providers).toEqual([]);
    expect(r.data!.supportMeasures).toBeUndefined();
  });

  it('rejects a programme without services, in Russian', () => {
    const m = issues(IppsuDraft.safeParse({ ...validIppsu(), services: [] }));
    expect(m.services).toBe('Добавьте хотя бы одну социальную услугу');
    const m2 = issues(IppsuDraft.safeParse({ ...validIppsu(), services: undefined }));
    expect(m2.services).toMatch(CYRILLIC);
  });

  it('rejects a service of an unknown type or with empty fields', () => {
    const s = validIppsu().services[0]!;
    const m = issues(IppsuDraft.safeParse({ ...validIppsu(), services: [{ ...s, type: 8, volume: ' ' }] }));
    expect(m['services.0.type']).toBe('Выберите вид социальной услуги');
    expect(m['services.0.volume']).toBe('Заполните поле');
  });

  it('rejects unknown form and payment, and a term that ends before the date', () => {
    const m = issues(
      IppsuDraft.safeParse({ ...validIppsu(), form: 'remote', payment: 'gratis', firstOrRepeat: 'x' }),
    );
    expect(m.form).toBe('Выберите форму социального обслуживания');
    expect(m.payment).toMatch(/^Укажите условия оплаты/);
    expect(m.firstOrRepeat).toMatch(CYRILLIC);
    const m2 = issues(IppsuDraft.safeParse({ ...validIppsu(), termUntil: '2025-03-01' }));
    expect(m2.termUntil).toBe('Срок действия программы должен оканчиваться позже даты составления');
    const m3 = issues(IppsuDraft.safeParse({ ...validIppsu(), date: '2025-02-30' }));
    expect(m3.date).toMatch(/^Неверная дата/);
  });

  it('has Russian labels for the forms and the payment', () => {
    expect(SERVICE_FORM_LABELS.home).toBe('в форме социального обслуживания на дому');
    expect(PAYMENT_LABELS).toEqual({ free: 'бесплатно', partial: 'за частичную плату', full: 'за полную плату' });
  });
});

describe('RefusalDraft', () => {
  it('accepts a valid refusal and drops repeated grounds', () => {
    const r = RefusalDraft.safeParse({ ...validRefusal(), grounds: ['documents-incomplete', 'documents-incomplete'] });
    expect(r.success).toBe(true);
    expect(r.data!.grounds).toEqual(['documents-incomplete']);
  });

  it('rejects no grounds and unknown grounds, in Russian', () => {
    expect(issues(RefusalDraft.safeParse({ ...validRefusal(), grounds: [] })).grounds).toBe(
      'Выберите хотя бы одно основание отказа (п. 31 регламента)',
    );
    expect(issues(RefusalDraft.safeParse({ ...validRefusal(), grounds: ['no-reason'] }))['grounds.0']).toBe(
      'Неизвестное основание отказа: выберите основание из пункта 31 регламента',
    );
  });

  it('requires the motivated text', () => {
    for (const motivatedText of [undefined, '', '   ']) {
      expect(issues(RefusalDraft.safeParse({ ...validRefusal(), motivatedText })).motivatedText).toBe(
        'Изложите мотивированное обоснование отказа',
      );
    }
  });
});

describe('InteragencyRequestLetter', () => {
  const valid = () => ({
    agencyCode: 'mvd',
    requested: 'сведения об отсутствии (либо наличии) у гражданина судимости',
    person: {
      lastName: 'Сидорова',
      firstName: 'Валентина',
      middleName: 'Петровна',
      birthDate: '1941-11-05',
      snils: '112-233-445 95',
      address: '628012, г. Ханты-Мансийск, ул. Мира, д. 68, кв. 14',
    },
    number: '15-01/2187',
    date: '2025-03-04',
    signer: { position: 'Начальник управления', name: 'Кузнецова Ольга Викторовна' },
    executor: { name: 'Петрова Марина Игоревна', phone: '(3467) 33-68-93' },
  });

  it('accepts a valid letter and normalises the СНИЛС', () => {
    const r = InteragencyRequestLetter.safeParse(valid());
    expect(r.success).toBe(true);
    expect(r.data!.person.snils).toBe('11223344595');
  });

  it('rejects a bad СНИЛС and missing fields, in Russian', () => {
    const v = valid();
    const m = issues(
      InteragencyRequestLetter.safeParse({ ...v, requested: '', person: { ...v.person, snils: '112-233-445 96' } }),
    );
    expect(m.requested).toBe('Заполните поле');
    expect(m['person.snils']).toBe('Неверная контрольная сумма СНИЛС');
  });
});

describe('services.json (service catalogue seed)', () => {
  const items = services as { code: string; type: number; name: string; unit: string; urgent?: boolean }[];

  it('every entry is a valid catalogue item with a unit', () => {
    for (const s of items) {
      expect(ServiceCatalogItem.safeParse(s).success, s.code).toBe(true);
      expect(s.unit.trim().length, s.code).toBeGreaterThan(0);
    }
  });

  it('has unique codes and names', () => {
    expect(new Set(items.map((s) => s.code)).size).toBe(items.length);
    expect(new Set(items.map((s) => s.name)).size).toBe(items.length);
  });

  it('has all seven types, each with its own code prefix', () => {
    for (const t of SERVICE_TYPES) {
      const ofType = items.filter((s) => s.type === t);
      expect(ofType.length, `type ${t}`).toBeGreaterThan(0);
      expect(new Set(ofType.map((s) => s.code.split('-')[0])).size, `type ${t}`).toBe(1);
      expect(SERVICE_TYPE_NAMES[t]).toMatch(CYRILLIC);
    }
    expect(SERVICE_TYPE_NAMES[7]).toMatch(/^Услуги в целях повышения коммуникативного потенциала/);
  });

  it('marks the urgent services with type 0 (given without an ИППСУ)', () => {
    const urgent = items.filter((s) => s.urgent);
    expect(urgent.length).toBe(6);
    for (const s of urgent) expect(s.type).toBe(0);
    expect(items.filter((s) => s.type === 0)).toEqual(urgent);
    expect(urgent.map((s) => s.name)).toContain('Содействие в получении временного жилого помещения');
  });
});

describe('REFUSAL_GROUNDS (п. 31)', () => {
  it('has four grounds with unique stable codes', () => {
    expect(REFUSAL_GROUND_CODES).toEqual([
      'art15-mismatch',
      'documents-incomplete',
      'medical-exam-refused',
      'medical-contraindications',
    ]);
    for (const g of REFUSAL_GROUNDS) {
      expect(g.paragraph).toBe('п. 31');
      expect(refusalGround(g.code)).toBe(g);
    }
  });

  it.runIf(existsSync(REGULATION))('quotes п. 31 of the regulation verbatim and completely', () => {
    const text = readFileSync(REGULATION, 'utf8').replace(/\s+/g, ' ');
    const start = text.indexOf('31. В предоставлении государственной услуги заявителю отказывается в следующих случаях:');
    const end = text.indexOf('Порядок, размер и основания взимания', start);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const list = text
      .slice(start, end)
      .replace(/^.*?случаях: \(в ред\. [^)]*\) /, '')
      .trim();
    const items = list.split(/; /).map((s) => s.replace(/[.;]\s*$/, '').trim());
    expect(items).toEqual(REFUSAL_GROUNDS.map((g) => g.text));
  });
});
