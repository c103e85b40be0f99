/**
 * The office's figures for the head's control (p.48) and the statistical
 * report: the open cases now (by state, by stage deadline, per specialist),
 * and for a registration period — applications per month by sub-service and
 * channel, late registrations, outcomes with refusals by ground of p.31,
 * working days from registration to decision against the term, and
 * compliance of each stage with its deadline. Every figure carries the case
 * filter (or complaint filter) that lists the cases behind it.
 */
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { CaseFilters } from '../../../core/api/reception';
import { CASE_OUTCOMES, type CaseOutcome } from '../../../core/api/control-filters';
import { OPEN_STATUSES, isClosed, type CaseStatus } from '../../../core/domain/case-states';
import { CHANNELS, registeredLate, soonHorizon, type Channel, type DeadlineKind } from '../../../core/domain/deadlines';
import { isoFromParts, todayIso } from '../../../core/domain/dates';
import { ApiError } from '../../../core/api/errors';
import { REFUSAL_GROUNDS, type RefusalGroundCode } from '../../../core/domain/refusal-grounds';
import { SUBSERVICE_CODES } from '../../../core/domain/checklists';
import { DISTRIBUTION_MAX_DAY, durationDistribution, stageOutcome, type StageOutcome } from '../../../core/domain/statistics';
import { caseDecisions, cases, interagencyRequests, users } from '../../../db/schema';
import { caseConditions } from '../cases';
import type { Ctx } from '../context';
import { complaintSummary } from './complaints';
import { firstSignedSql, isOpenSql, lateRegistrationSql, localDateOf, useCalendarInSql } from './filters';

type Filter = z.infer<typeof CaseFilters>;
export interface Figure {
  count: number;
  filter: Filter;
}

export interface Scope {
  from: string;
  to: string;
  responsibleId?: number;
}

// ------------------------------------------------------------------ open cases now

export function openSnapshot(ctx: Ctx, scope: { responsibleId?: number }) {
  const cal = ctx.services.calendar();
  const t = todayIso(ctx.now());
  const horizon = soonHorizon(cal, t);
  const base: Filter = scope.responsibleId ? { responsibleId: scope.responsibleId } : {};
  const mine = scope.responsibleId ? eq(cases.responsibleId, scope.responsibleId) : undefined;

  // One read of the open cases from a covering index (cases_open_idx); the figures are counted here.
  const open = ctx.db
    .select({ status: cases.status, responsibleId: cases.responsibleId, nextDue: cases.nextDue, kind: cases.nextDueKind })
    .from(cases)
    .where(and(isOpenSql, mine))
    .all();
  const byStatus = OPEN_STATUSES.map((status) => ({ status, count: open.filter((r) => r.status === status).length, filter: { ...base, status } }));

  const urgencyOf = (d: string | null) => (!d || d > horizon ? null : d < t ? 'overdue' : d === t ? 'today' : 'soon');
  const kinds: Exclude<DeadlineKind, 'registration'>[] = ['requests', 'decision', 'result', 'issue'];
  const byDeadline = (['overdue', 'today', 'soon'] as const).map((u) => {
    const inU = open.filter((r) => urgencyOf(r.nextDue) === u);
    return {
      urgency: u,
      count: inU.length,
      filter: { ...base, urgency: u } as Filter,
      byKind: kinds.map((k) => ({ kind: k, count: inU.filter((r) => r.kind === k).length, filter: { ...base, urgency: u, dueKind: k } as Filter })),
    };
  });

  const names = new Map(ctx.db.select({ id: users.id, name: users.fullName }).from(users).all().map((u) => [u.id, u.name]));
  const per = new Map<number | null, { open: number; overdue: number }>();
  for (const r of open) {
    const p = per.get(r.responsibleId) ?? { open: 0, overdue: 0 };
    p.open++;
    if (r.nextDue && r.nextDue < t) p.overdue++;
    per.set(r.responsibleId, p);
  }
  const perSpecialist = [...per]
    .map(([id, p]) => ({
      responsibleId: id,
      name: id === null ? null : (names.get(id) ?? null),
      open: { count: p.open, filter: id ? { responsibleId: id, open: true } : { unassigned: true, open: true } } as Figure,
      overdue: { count: p.overdue, filter: id ? { responsibleId: id, urgency: 'overdue' } : { unassigned: true, urgency: 'overdue' } } as Figure,
    }))
    .sort((a, b) => (a.responsibleId === null ? 1 : b.responsibleId === null ? -1 : (a.name ?? '').localeCompare(b.name ?? '', 'ru')));

  const unassigned = per.get(null)?.open ?? 0;
  return {
    today: t,
    byStatus,
    byDeadline,
    perSpecialist,
    unassigned: { count: scope.responsibleId ? 0 : unassigned, filter: { unassigned: true, open: true } } as Figure,
    complaints: complaintSummary(ctx, scope),
  };
}

// ------------------------------------------------------------------ a registration period

interface ComplianceRow {
  id: number;
  regDate: string;
  receivedDate: string;
  channel: Channel;
  status: CaseStatus;
  dueRegistration: string | null;
  dueRequests: string | null;
  dueDecision: string;
  dueResult: string;
  dueIssue: string | null;
  firstSigned: string | null;
  issuedDate: string | null;
  firstRequest: string | null;
}

/**
 * The figures of a period, counted by SQLite from the indexes
 * (cases_registered_stats_idx for the cases, case_decisions_stats_idx for
 * their results), so the rows — and the signed DOCX in them — are not read.
 */
function periodCounts(ctx: Ctx, where: SQL | undefined) {
  useCalendarInSql(ctx.db, ctx.services.calendar());
  const groups = ctx.db
    .select({
      month: sql<string>`substr(${localDateOf(cases.registeredAt)}, 1, 7)`,
      subservice: cases.subservice,
      channel: cases.channel,
      status: cases.status,
      late: sql<number>`${lateRegistrationSql}`,
      n: count(),
    })
    .from(cases)
    .where(where)
    .groupBy(sql`1`, cases.subservice, cases.channel, cases.status, sql`5`)
    .all();
  const signed = ctx.db.all<{ kind: string; n: number }>(
    sql`select k.kind as kind, count(*) as n from case_decisions k join cases on cases.id = k.case_id where ${where ?? sql`1`} and k.status = 'signed' group by k.kind`,
  );
  const grounds = ctx.db.all<{ ground: string; n: number }>(
    sql`select g.value as ground, count(distinct cases.id) as n from case_decisions k join cases on cases.id = k.case_id, json_each(k.data, '$.grounds') g
        where ${where ?? sql`1`} and k.status = 'signed' and k.kind = 'refusal' group by g.value`,
  );
  const durations = ctx.db.all<{ days: number; onTime: number; n: number }>(
    sql`select working_days(s.reg, s.first) as days, s.first <= s.due as onTime, count(*) as n
        from (select ${localDateOf(cases.registeredAt)} as reg, ${cases.dueResult} as due, ${firstSignedSql} as first from cases where ${where ?? sql`1`}) s
        where s.first is not null group by 1, 2`,
  );
  return { groups, signed, grounds, durations };
}

/** Per case, what the compliance of each stage needs (the report only). */
function complianceRows(ctx: Ctx, where: SQL | undefined): ComplianceRow[] {
  const rows: ComplianceRow[] = ctx.db
    .select({
      id: cases.id,
      regDate: sql<string>`${localDateOf(cases.registeredAt)}`,
      receivedDate: sql<string>`substr(${cases.receivedAt}, 1, 10)`,
      channel: cases.channel,
      status: cases.status,
      dueRegistration: cases.dueRegistration,
      dueRequests: cases.dueRequests,
      dueDecision: cases.dueDecision,
      dueResult: cases.dueResult,
      dueIssue: cases.dueIssue,
    })
    .from(cases)
    .where(where)
    .all()
    .map((r) => ({ ...r, firstSigned: null, issuedDate: null, firstRequest: null }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const d of ctx.db
    .select({ caseId: caseDecisions.caseId, signedAt: caseDecisions.signedAt, issuedDate: caseDecisions.issuedDate })
    .from(caseDecisions)
    .innerJoin(cases, eq(cases.id, caseDecisions.caseId))
    .where(where)
    .all()) {
    const r = byId.get(d.caseId);
    if (!r) continue;
    if (d.signedAt) {
      const day = todayIso(new Date(d.signedAt));
      if (!r.firstSigned || day < r.firstSigned) r.firstSigned = day;
    }
    if (d.issuedDate && (!r.issuedDate || d.issuedDate > r.issuedDate)) r.issuedDate = d.issuedDate;
  }
  for (const q of ctx.db
    .select({ caseId: interagencyRequests.caseId, first: sql<string>`min(${interagencyRequests.sentDate})` })
    .from(interagencyRequests)
    .innerJoin(cases, eq(cases.id, interagencyRequests.caseId))
    .where(where)
    .groupBy(interagencyRequests.caseId)
    .all()) {
    const r = byId.get(q.caseId);
    if (r) r.firstRequest = q.first;
  }
  return rows;
}


const monthEnd = (m: string) => {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return isoFromParts(y, mo, new Date(Date.UTC(y, mo, 0)).getUTCDate());
};

/** The months of the period, 'YYYY-MM'. */
function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= endKey || out.length > 240) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export const STAGES = [
  { stage: 'registration', paragraph: 'п. 35, 43', title: 'Регистрация заявления' },
  { stage: 'requests', paragraph: 'п. 45', title: 'Направление межведомственных запросов' },
  { stage: 'decision', paragraph: 'п. 46', title: 'Подписание результата' },
  { stage: 'result', paragraph: 'п. 17', title: 'Предоставление результата (общий срок)' },
  { stage: 'issue', paragraph: 'п. 47', title: 'Выдача (направление) результата' },
] as const;
export type Stage = (typeof STAGES)[number]['stage'];

/** A period the figures can be counted for. */
export function checkPeriod(scope: Scope): void {
  if (scope.from > scope.to) throw new ApiError('VALIDATION', 'Дата начала периода позже даты окончания.', { from: 'Позже даты окончания' });
  if (Number(scope.to.slice(0, 4)) - Number(scope.from.slice(0, 4)) > 10) throw new ApiError('VALIDATION', 'Период не может быть длиннее 10 лет.', { from: 'Слишком длинный период' });
}

export function periodStatistics(ctx: Ctx, scope: Scope, o: { compliance: boolean } = { compliance: true }) {
  checkPeriod(scope);
  const cal = ctx.services.calendar();
  const t = todayIso(ctx.now());
  const where = caseConditions(ctx.db, { from: scope.from, to: scope.to, responsibleId: scope.responsibleId }, cal, t);
  const c = periodCounts(ctx, where);
  const base: Filter = { from: scope.from, to: scope.to, ...(scope.responsibleId ? { responsibleId: scope.responsibleId } : {}) };
  const sum = (pred: (g: (typeof c.groups)[number]) => boolean) => c.groups.reduce((a, g) => a + (pred(g) ? g.n : 0), 0);
  const total = sum(() => true);

  // Applications per month by sub-service and by channel.
  const months = monthsOf(scope.from, scope.to).map((m) => {
    const mFrom = `${m}-01` < scope.from ? scope.from : `${m}-01`;
    const mTo = monthEnd(m) > scope.to ? scope.to : monthEnd(m);
    const mf: Filter = { ...base, from: mFrom, to: mTo };
    return {
      month: m,
      total: { count: sum((g) => g.month === m), filter: mf } as Figure,
      bySubservice: SUBSERVICE_CODES.map((s) => ({ subservice: s, count: sum((g) => g.month === m && g.subservice === s), filter: { ...mf, subservice: s } as Filter })),
      byChannel: CHANNELS.map((ch) => ({ channel: ch, count: sum((g) => g.month === m && g.channel === ch), filter: { ...mf, channel: ch } as Filter })),
    };
  });

  // Late registrations (p.35, p.43).
  const lateRegistrations = {
    count: sum((g) => g.late === 1),
    filter: { ...base, lateRegistration: true } as Filter,
    byChannel: CHANNELS.map((ch) => ({ channel: ch, count: sum((g) => g.late === 1 && g.channel === ch), filter: { ...base, lateRegistration: true, channel: ch } as Filter })),
  };

  // Outcomes (the signed result decides; a withdrawn or annulled case has none), refusals by ground.
  const signedOf = (k: string) => c.signed.find((x) => x.kind === k)?.n ?? 0;
  const counts: Record<CaseOutcome, number> = {
    ippsu: signedOf('ippsu'),
    refusal: signedOf('refusal'),
    withdrawn: sum((g) => g.status === 'withdrawn'),
    annulled: sum((g) => g.status === 'annulled'),
    in_progress: 0,
  };
  counts.in_progress = total - counts.ippsu - counts.refusal - counts.withdrawn - counts.annulled;
  const outcomes = CASE_OUTCOMES.map((o) => ({ outcome: o, count: counts[o], filter: { ...base, outcome: o } as Filter }));
  const refusalsByGround = REFUSAL_GROUNDS.map((g) => ({
    ground: g.code as RefusalGroundCode,
    count: c.grounds.find((x) => x.ground === g.code)?.n ?? 0,
    filter: { ...base, refusalGround: g.code } as Filter,
  }));

  // Working days from registration to the first signed result; on time when signed by the p.17 date of the case.
  const dist = durationDistribution(c.durations.flatMap((d) => Array.from({ length: d.n }, () => ({ days: d.days, onTime: d.onTime === 1 }))));
  const durations = {
    decided: { count: dist.total, filter: { ...base, decisionDaysMin: 0 } as Filter },
    onTime: { count: dist.onTime, filter: { ...base, decisionOnTime: true } as Filter },
    late: { count: dist.total - dist.onTime, filter: { ...base, decisionOnTime: false } as Filter },
    shareOnTime: dist.shareOnTime,
    byDay: dist.byDay.map((n, d) => ({ days: d, count: n, filter: { ...base, decisionDaysMin: d, decisionDaysMax: d } as Filter })),
    more: { days: DISTRIBUTION_MAX_DAY + 1, count: dist.more, filter: { ...base, decisionDaysMin: DISTRIBUTION_MAX_DAY + 1 } as Filter },
  };

  // Compliance of each stage with its deadline.
  const rows = o.compliance ? complianceRows(ctx, where) : [];
  const compliance = !o.compliance ? [] : STAGES.map((s) => {
    const tally: Record<Exclude<StageOutcome, 'not_applicable'>, number> = { on_time: 0, late: 0, pending: 0, overdue: 0 };
    for (const r of rows) {
      if (r.status === 'annulled') continue;
      const closed = isClosed(r.status);
      const o =
        s.stage === 'registration'
          ? registeredLate({ channel: r.channel, receivedDate: r.receivedDate, registeredDate: r.regDate, dueRegistration: r.dueRegistration })
            ? 'late'
            : 'on_time'
          : s.stage === 'requests'
            ? stageOutcome({ due: r.dueRequests, doneDate: r.firstRequest, closed, today: t })
            : s.stage === 'decision'
              ? stageOutcome({ due: r.dueDecision, doneDate: r.firstSigned, closed, today: t })
              : s.stage === 'result'
                ? stageOutcome({ due: r.dueResult, doneDate: r.issuedDate, closed, today: t })
                : stageOutcome({ due: r.dueIssue, doneDate: r.issuedDate, closed, today: t });
      if (o !== 'not_applicable') tally[o]++;
    }
    const done = tally.on_time + tally.late;
    return { ...s, ...tally, done, shareOnTime: done ? tally.on_time / done : 0 };
  });

  return {
    from: scope.from,
    to: scope.to,
    registered: { count: total, filter: base } as Figure,
    months,
    lateRegistrations,
    outcomes,
    refusalsByGround,
    durations,
    compliance,
  };
}

/** The control dashboard (p.48): the open cases now and the figures of a period, for the office or one specialist. */
export function dashboard(ctx: Ctx, scope: Scope) {
  checkPeriod(scope);
  // The stage compliance belongs to the report; the dashboard reads only what its figures need.
  return { ...openSnapshot(ctx, scope), period: periodStatistics(ctx, scope, { compliance: false }) };
}

