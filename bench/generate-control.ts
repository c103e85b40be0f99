/**
 * Adds the office's control data to a register made by fillDatabase
 * (bench/generate.ts): responsible specialists, the terms applied, signed
 * results (ИППСУ or refusals on grounds of p.31) with their signing and
 * issue dates, withdrawals, drafts in the sign-off queue and returned,
 * interagency requests, late registrations and complaints. Writes rows
 * directly, in one transaction, deterministically (seeded).
 */
import type { ProductionCalendar } from '../core/domain/calendar';
import { REGULATION_CASE_TERMS, REGULATION_COMPLAINT_TERMS } from '../core/domain/deadline-terms';
import { addDays, todayIso } from '../core/domain/dates';
import { complaintDeadlines, nextComplaintDeadline, COMPLAINT_SUBJECTS, type ComplaintStatus } from '../core/domain/complaints';
import type { CaseStatus } from '../core/domain/case-states';
import type { Channel } from '../core/domain/deadlines';
import { REFUSAL_GROUND_CODES } from '../core/domain/refusal-grounds';
import type { Db } from '../db/connection';
import { computeDeadlines } from '../main/backend/cases';
import { rng } from './generate';

export interface ControlFillOptions {
  specialists: { id: number; name: string }[];
  /** The user recorded as the author and signer. */
  headId: number;
  headName: string;
  officeCode: string;
  today: string;
  complaints?: number;
  seed?: number;
}

/** The instant of a local office date at a given hour. */
const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+05:00`).toISOString();

export function fillControlData(db: Db, cal: ProductionCalendar, o: ControlFillOptions): void {
  const raw = db.$client;
  const r = rng(o.seed ?? 7);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const terms = JSON.stringify(REGULATION_CASE_TERMS);
  const rows = raw
    .prepare('select id, channel, received_at as receivedAt, registered_at as registeredAt, status from cases order by id')
    .all() as { id: number; channel: Channel; receivedAt: string; registeredAt: string; status: CaseStatus }[];
  const upd = raw.prepare(
    `update cases set responsible_id = ?, responsible_name = ?, applied_terms = ?, registered_at = ?, status = ?,
       due_registration = ?, due_requests = ?, due_decision = ?, due_result = ?, due_issue = ?, next_due = ?, next_due_kind = ? where id = ?`,
  );
  const insDecision = raw.prepare(
    `insert into case_decisions(case_id, version, kind, data, status, created_at, created_by, outgoing_number, signed_at, signed_by, signed_by_name, signed_by_position, issued_date, issue_method, issued_to, issued_by)
     values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Начальник управления', ?, ?, ?, ?)`,
  );
  const insRequest = raw.prepare(
    `insert into interagency_requests(case_id, agency_code, document_keys, subject, channel, outgoing_number, sent_date, due_date, sent_by, answer_date, answer_incoming_number, answer_summary, answered_by)
     values (?, 'sfr', '["pension"]', 'Сведения о размере пенсии', 'smev', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insEvent = raw.prepare('insert into case_events(case_id, at, user_id, user_name, from_status, to_status, note) values (?, ?, ?, ?, ?, ?, ?)');
  const wd = (d: string, n: number) => cal.addWorkingDays(d, n);

  raw.transaction(() => {
    for (const c of rows) {
      const receivedDate = c.receivedAt.slice(0, 10);
      let regDate = todayIso(new Date(c.registeredAt));
      let registeredAt = c.registeredAt;
      // Late registrations: some post and portal applications a few days late, a few in-person ones the next day.
      if (c.channel !== 'in_person' && r() < 0.05) regDate = wd(receivedDate, 2 + Math.floor(r() * 2));
      else if (c.channel === 'in_person' && r() < 0.01) regDate = wd(receivedDate, 1);
      if (regDate > o.today) regDate = o.today;
      if (regDate !== todayIso(new Date(c.registeredAt))) registeredAt = at(regDate, 10);

      const responsible = r() < 0.95 ? o.specialists[c.id % o.specialists.length]! : null;
      let status = c.status;
      let signedDate: string | null = null;
      const spec = responsible?.id ?? o.headId;

      const requestSent = wd(regDate, r() < 0.9 ? 1 : 2 + Math.floor(r() * 3));
      if (status !== 'annulled' && requestSent <= o.today) {
        const due = wd(requestSent, 5);
        const answered = due <= o.today || r() < 0.5 ? wd(requestSent, 1 + Math.floor(r() * 6)) : null;
        const ans = answered && answered <= o.today ? answered : null;
        insRequest.run(c.id, `15-${c.id}`, requestSent, due, spec, ans, ans ? `вх-${c.id}` : null, ans ? 'Сведения получены' : null, ans ? spec : null);
      }

      if (status === 'issued') {
        if (r() < 0.03) status = 'withdrawn';
        else {
          signedDate = wd(regDate, 3 + Math.floor(r() * (r() < 0.85 ? 12 : 20)));
          const issued = wd(signedDate, Math.floor(r() * 7));
          if (issued > o.today) status = 'signed';
          const refusal = r() < 0.1;
          const data = refusal
            ? { grounds: [...new Set([pick(REFUSAL_GROUND_CODES), ...(r() < 0.3 ? [pick(REFUSAL_GROUND_CODES)] : [])])], motivatedText: 'Основания установлены при рассмотрении документов', date: signedDate }
            : { date: signedDate, firstOrRepeat: 'first', termUntil: addDays(signedDate, 365 * (1 + Math.floor(r() * 3))), form: 'home', services: [], providers: [], payment: 'free' };
          insDecision.run(
            c.id, refusal ? 'refusal' : 'ippsu', JSON.stringify(data), 'signed', at(signedDate, 9), spec, `${c.id}/${signedDate.slice(0, 4)}`, at(signedDate, 15), o.headId, o.headName,
            status === 'issued' ? issued : null, status === 'issued' ? 'in_person' : null, status === 'issued' ? 'applicant' : null, status === 'issued' ? spec : null,
          );
        }
      } else if (status === 'registered' || status === 'requests_sent') {
        const x = r();
        const next: CaseStatus | null = x < 0.1 ? 'documents_complete' : x < 0.2 ? 'decision_drafted' : x < 0.28 ? 'awaiting_signature' : x < 0.32 ? 'returned' : null;
        if (next) {
          status = next;
          if (next !== 'documents_complete') {
            insDecision.run(c.id, 'ippsu', JSON.stringify({ date: o.today, firstOrRepeat: 'first', termUntil: addDays(o.today, 365), form: 'home', services: [], providers: [], payment: 'free' }), 'draft', at(regDate, 12), spec, null, null, null, null, null, null, null, null);
          }
          if (next === 'returned') insEvent.run(c.id, at(o.today, 9), o.headId, o.headName, 'awaiting_signature', 'returned', 'Возвращено на доработку: уточните перечень услуг');
          if (next === 'awaiting_signature') insEvent.run(c.id, at(o.today, 8), spec, responsible?.name ?? o.headName, 'decision_drafted', 'awaiting_signature', 'Передан на подпись');
        }
      }
      const d = computeDeadlines(cal, { channel: c.channel, receivedAt: c.receivedAt, registeredDate: regDate, hasRequests: true, status, signedDate }, REGULATION_CASE_TERMS);
      upd.run(
        responsible?.id ?? null, responsible?.name ?? null, terms, registeredAt, status,
        d.dueRegistration, d.dueRequests, d.dueDecision, d.dueResult, d.dueIssue, d.nextDue, d.nextDueKind, c.id,
      );
    }

    // Complaints: spread over the last two years, in every state.
    const insComplaint = raw.prepare(
      `insert into complaints(office_code, year, seq, number, received_date, registered_at, registered_by, registered_by_name, channel, addressee, subject_official, subject_decision, subjects,
         applicant, representative, substance, attachments, answer_by_email, case_id, responsible_id, competent, status, applied_terms,
         due_registration, due_decision, due_forwarding, due_remedy, due_answer, next_due, next_due_kind,
         decision_date, outcome, outcome_ground, answer_date, remedy_done_date, forwarded_to, forwarded_date, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Директору Депсоцразвития Югры', 'Специалист Управления', 'Нарушение срока предоставления услуги', ?,
         ?, null, 'Доводы заявителя', '[]', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const seqByYear = new Map<number, number>();
    const n = o.complaints ?? 0;
    for (let i = 0; i < n; i++) {
      const received = wd(addDays(o.today, -Math.floor(r() * 730)), 0);
      const registered = r() < 0.9 ? received : wd(received, 1 + Math.floor(r() * 2));
      if (registered > o.today) continue;
      const year = Number(registered.slice(0, 4));
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const subjects = [pick(COMPLAINT_SUBJECTS)];
      const competent = r() > 0.05;
      const x = r();
      let status: ComplaintStatus = 'registered';
      let outcome: 'satisfied' | 'refused' | 'left_unanswered' | null = null;
      let decisionDate: string | null = null;
      const age = cal.countWorkingDays(registered, o.today);
      if (!competent && age > 3) status = 'forwarded';
      else if (competent && (age > 20 || x < 0.5)) {
        decisionDate = wd(registered, 1 + Math.floor(r() * 16));
        if (decisionDate > o.today) decisionDate = null;
        else {
          outcome = r() < 0.4 ? 'satisfied' : r() < 0.95 ? 'refused' : 'left_unanswered';
          status = outcome === 'left_unanswered' ? 'left_unanswered' : 'decided';
        }
      }
      const ground = outcome === 'refused' ? 'unfounded' : outcome === 'left_unanswered' ? 'unreadable' : null;
      const answer = status === 'decided' && r() < 0.9 ? wd(decisionDate!, r() < 0.9 ? 1 : 2) : null;
      if (answer && answer <= o.today) status = 'answered';
      const remedy = outcome === 'satisfied' && r() < 0.8 ? wd(decisionDate!, 1 + Math.floor(r() * 5)) : null;
      const dl = complaintDeadlines(cal, { receivedDate: received, registeredDate: registered, subjects, competent, decisionDate, outcome }, REGULATION_COMPLAINT_TERMS);
      const remedyDone = remedy && remedy <= o.today ? remedy : null;
      const next = nextComplaintDeadline(dl, { status, outcome, remedyDone: Boolean(remedyDone) });
      insComplaint.run(
        o.officeCode, year, seq, `Ж-${seq}/${year}`, received, at(registered, 11), o.headId, o.headName, pick(['in_person', 'post', 'mfc', 'epgu', 'regional_portal', 'department_site']), JSON.stringify(subjects),
        JSON.stringify({ lastName: 'Жалобина', firstName: 'Анна', postalAddress: '628400, г. Сургут, ул. Мира, д. 1', residence: 'г. Сургут' }),
        rows.length ? rows[Math.floor(r() * rows.length)]!.id : null, r() < 0.5 ? (o.specialists[i % o.specialists.length]?.id ?? null) : null, competent ? 1 : 0, status, JSON.stringify(REGULATION_COMPLAINT_TERMS),
        dl.registration, dl.decision, dl.forwarding, dl.remedy, dl.answer, next?.date ?? null, next?.kind ?? null,
        decisionDate, outcome, ground, status === 'answered' ? answer : null, remedyDone, status === 'forwarded' ? 'Прокуратура' : null, status === 'forwarded' ? wd(registered, 2) : null, at(o.today, 12),
      );
    }
    const counter = raw.prepare("insert into journal_counters(office_code, register, year, last_seq) values (?, 'complaint', ?, ?) on conflict do update set last_seq = excluded.last_seq");
    for (const [y, s] of seqByYear) counter.run(o.officeCode, y, s);
  })();
  raw.pragma('optimize');
}
