/**
 * Fills a Socdesk database with a realistic register for benchmarks:
 * persons with Russian names (ё included), valid СНИЛС, and cases over ten
 * years with journal numbers, checklists and deadlines. Writes rows directly
 * (in large transactions) — the API path is measured separately.
 */
import { buildChecklist, defaultCircumstances, SUBSERVICE_CODES } from '../core/domain/checklists';
import { CHANNELS, TERMS } from '../core/domain/deadlines';
import { foldRu } from '../core/domain/russian-text';
import { addDays, officeInstant, todayIso } from '../core/domain/dates';
import type { Db } from '../db/connection';
import { Backend } from '../main/backend/backend';
import { computeDeadlines } from '../main/backend/cases';
import type { ProductionCalendar } from '../core/domain/calendar';
import { snilsFrom } from '../tests/support/applications';

const MALE_SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев', 'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королёв', 'Гусев', 'Киселёв', 'Ильин', 'Максимов', 'Поляков', 'Сорокин', 'Виноградов', 'Ковалёв', 'Белов', 'Медведев', 'Антонов', 'Тарасов', 'Жуков', 'Баранов', 'Филиппов', 'Комаров', 'Давыдов', 'Беляев', 'Герасимов', 'Богданов', 'Осипов', 'Сидоров', 'Матвеев', 'Титов', 'Марков', 'Миронов', 'Крылов', 'Куликов', 'Карпов', 'Власов', 'Мельников', 'Денисов', 'Гаврилов', 'Тихонов', 'Казаков', 'Афанасьев', 'Данилов', 'Савельев', 'Тимофеев', 'Фомин', 'Чернов', 'Абрамов', 'Мартынов', 'Ефимов', 'Федотов', 'Щербаков', 'Назаров', 'Калинин', 'Исаев', 'Чернышёв', 'Быков', 'Маслов', 'Родионов', 'Коновалов', 'Лазарев', 'Воронин', 'Климов', 'Филатов', 'Пономарёв', 'Голубев', 'Кудрявцев', 'Прохоров', 'Наумов', 'Потапов', 'Журавлёв', 'Овчинников', 'Трофимов', 'Леонов', 'Соболев', 'Ермаков', 'Колесников', 'Гончаров', 'Емельянов', 'Никифоров', 'Грачёв', 'Котов', 'Гришин', 'Ефремов', 'Архипов', 'Громов', 'Кириллов', 'Малышев', 'Панов', 'Моисеев', 'Румянцев', 'Акимов', 'Кондратьев', 'Бирюков', 'Горбунов', 'Анисимов', 'Ерёмин', 'Тихомиров', 'Галкин', 'Лукьянов', 'Михеев', 'Скворцов', 'Юдин', 'Белоусов', 'Нестеров', 'Симонов', 'Прокофьев', 'Харитонов', 'Князев', 'Цветков', 'Левин', 'Митрофанов', 'Воронов', 'Аксёнов', 'Софронов', 'Мальцев', 'Логинов', 'Горшков', 'Савин', 'Краснов', 'Майоров', 'Демидов', 'Елисеев', 'Рыбаков', 'Сафонов', 'Плотников', 'Дёмин', 'Хохлов', 'Жданов', 'Русаков', 'Толстых', 'Черных', 'Седых'];
const MALE_NAMES = ['Александр', 'Сергей', 'Владимир', 'Николай', 'Иван', 'Алексей', 'Андрей', 'Михаил', 'Виктор', 'Юрий', 'Анатолий', 'Василий', 'Пётр', 'Геннадий', 'Валерий', 'Фёдор', 'Артём', 'Семён', 'Борис', 'Григорий', 'Евгений', 'Дмитрий', 'Олег', 'Павел', 'Леонид', 'Степан', 'Константин', 'Игорь', 'Роман', 'Максим'];
const FEMALE_NAMES = ['Галина', 'Валентина', 'Нина', 'Людмила', 'Татьяна', 'Мария', 'Надежда', 'Анна', 'Любовь', 'Зинаида', 'Раиса', 'Ольга', 'Елена', 'Тамара', 'Вера', 'Лидия', 'Клавдия', 'Алёна', 'Наталья', 'Светлана', 'Ирина', 'Екатерина', 'Антонина', 'Евдокия', 'Фёкла', 'Дарья', 'Ксения', 'Полина', 'Софья', 'Юлия'];
const PATRONYMIC_ROOTS = ['Александр', 'Сергее', 'Владимир', 'Николае', 'Иван', 'Алексее', 'Андрее', 'Михайл', 'Виктор', 'Юрье', 'Анатолье', 'Василье', 'Пётр', 'Фёдор', 'Семён', 'Борис', 'Григорье', 'Павл', 'Степан', 'Артём'];
const STREETS = ['Ленина', 'Мира', 'Гагарина', 'Энергетиков', 'Нефтяников', 'Молодёжная', 'Югорская', 'Студенческая', 'Комсомольская', 'Строителей'];
const TOWNS = ['г. Сургут', 'г. Нижневартовск', 'г. Ханты-Мансийск', 'г. Нефтеюганск', 'г. Когалым', 'г. Нягань', 'г. Мегион', 'г. Урай'];

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function femaleSurname(s: string): string {
  if (/(ых|их)$/.test(s)) return s;
  if (/(ов|ев|ёв|ин|ын)$/.test(s)) return s + 'а';
  return s;
}

export interface GeneratedPerson {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  sex: 'male' | 'female';
  snils: string;
}

export function makePerson(r: () => number, i: number): GeneratedPerson {
  const male = r() < 0.4;
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const root = pick(PATRONYMIC_ROOTS);
  const middleName = male ? root + (root.endsWith('е') ? 'вич' : 'ович') : root + (root.endsWith('е') ? 'вна' : 'овна');
  const year = 1925 + Math.floor(r() * 95);
  const birthDate = addDays(`${year}-01-01`, Math.floor(r() * 365));
  const surname = pick(MALE_SURNAMES);
  return {
    lastName: male ? surname : femaleSurname(surname),
    firstName: male ? pick(MALE_NAMES) : pick(FEMALE_NAMES),
    middleName,
    birthDate,
    sex: male ? 'male' : 'female',
    snils: snilsFrom(5_000_000 + i).replace(/\D/g, ''),
  };
}

export interface FillOptions {
  persons: number;
  cases: number;
  officeCode: string;
  userId: number;
  userName: string;
  /** The last registration date; cases spread over ten years before it. */
  until: string;
  seed?: number;
}

/** Fills persons, person_fts, cases, case_documents and journal_counters. */
export function fillDatabase(db: Db, cal: ProductionCalendar, o: FillOptions): void {
  const raw = db.$client;
  const r = rng(o.seed ?? 42);
  const nowIso = new Date().toISOString();
  const insPerson = raw.prepare(
    `insert into persons(id, last_name, first_name, middle_name, birth_date, sex, snils, citizenship, id_doc, reg_address, actual_address, phone, email, search_name, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, 'rf', ?, ?, ?, ?, null, ?, ?, ?)`,
  );
  const insFts = raw.prepare('insert into person_fts(rowid, name) values (?, ?)');
  const people: GeneratedPerson[] = [];
  raw.transaction(() => {
    for (let i = 1; i <= o.persons; i++) {
      const p = makePerson(r, i);
      people.push(p);
      const addr = `${TOWNS[i % TOWNS.length]}, ул. ${STREETS[i % STREETS.length]}, д. ${1 + (i % 90)}, кв. ${1 + (i % 120)}`;
      const idDoc = JSON.stringify({ kind: 'passport_rf', series: `67 ${String(i % 100).padStart(2, '0')}`, number: String(100000 + (i % 900000)), issuer: 'УМВД России по ХМАО - Югре', issueDate: '2010-01-15' });
      const full = `${p.lastName} ${p.firstName} ${p.middleName}`;
      insPerson.run(i, p.lastName, p.firstName, p.middleName, p.birthDate, p.sex, p.snils, idDoc, addr, addr, `+7 9${String(i).padStart(9, '0')}`, foldRu(full), nowIso, nowIso);
      insFts.run(i, foldRu(full));
    }
  })();

  const insCase = raw.prepare(
    `insert into cases(office_code, journal_year, journal_seq, journal_number, person_id, applicant, representative, subservice, channel, mfc_code, lgota, circumstances,
       received_at, registered_at, registered_by, registered_by_name, registered_by_position, status, due_registration, due_requests, due_decision, due_result, next_due, next_due_kind)
     values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, null, ?, ?, ?, ?, ?, 'Специалист-эксперт', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insDoc = raw.prepare(
    `insert into case_documents(case_id, position, key, title, paragraph, source, agency_code, state, form, sheets) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const checklists = Object.fromEntries(SUBSERVICE_CODES.map((s) => [s, buildChecklist({ ...defaultCircumstances(s), hasRepresentative: s.startsWith('minors') })]));
  const seqByYear = new Map<number, number>();
  const spanDays = 3650;
  const start = addDays(o.until, -spanDays);
  raw.transaction(() => {
    for (let i = 0; i < o.cases; i++) {
      // Spread evenly over ten years, in order, so numbers follow dates.
      let day = addDays(start, Math.floor((i / o.cases) * spanDays));
      while (!cal.isWorkingDay(day)) day = addDays(day, 1);
      const year = Number(day.slice(0, 4));
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const personId = 1 + Math.floor(r() * o.persons);
      const p = people[personId - 1];
      const subservice = SUBSERVICE_CODES[Math.floor(r() * 4)];
      const channel = CHANNELS[Math.floor(r() * CHANNELS.length)];
      const receivedAt = `${day}T${String(9 + Math.floor(r() * 8)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}`;
      const recent = day >= addDays(o.until, -30);
      const status = recent ? (r() < 0.5 ? 'registered' : 'requests_sent') : r() < 0.02 ? 'annulled' : 'issued';
      const due = computeDeadlines(cal, { channel, receivedAt, registeredDate: day, hasRequests: true, status }, TERMS);
      const applicant = JSON.stringify({ ...p, citizenship: 'rf' });
      const res = insCase.run(
        o.officeCode, year, seq, `${seq}/${year}`, personId, applicant, subservice, channel, channel === 'mfc' ? 'mfc-08' : null, JSON.stringify({ subservice }),
        receivedAt, officeInstant(receivedAt.slice(0, 10), receivedAt.slice(11, 16)).toISOString(), o.userId, o.userName, status,
        due.dueRegistration, due.dueRequests, due.dueDecision, due.dueResult, due.nextDue, due.nextDueKind,
      );
      const caseId = Number(res.lastInsertRowid);
      checklists[subservice].forEach((item, pos) => {
        const received = item.source === 'applicant' && r() < 0.8;
        insDoc.run(caseId, pos, item.key, item.title, item.paragraph, item.source, item.agencyCode ?? null, received ? 'received' : item.source === 'interagency' ? 'to_request' : 'not_provided', received ? 'copy' : null, received ? 1 + Math.floor(r() * 3) : null);
      });
    }
    const insCounter = raw.prepare("insert into journal_counters(office_code, register, year, last_seq) values (?, 'application', ?, ?) on conflict do update set last_seq = excluded.last_seq");
    for (const [year, seq] of seqByYear) insCounter.run(o.officeCode, year, seq);
  })();
  raw.pragma('optimize');
}

/** A fresh register file of `cases` cases (1.5 persons per case), its administrator admin / bench-pass-1. */
export async function makeRegister(file: string, cases: number, log: (s: string) => void): Promise<string> {
  const b = new Backend({ dbFile: file });
  await b.invoke(null, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админ', position: 'Администратор', password: 'bench-pass-1' });
  const t0 = Date.now();
  fillDatabase(b.db, b.services.calendar(), { persons: Math.round(cases * 1.5), cases, officeCode: 'surgut', userId: 1, userName: 'Админ', until: todayIso() });
  b.close();
  log(`generated ${cases} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return file;
}
