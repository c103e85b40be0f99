/**
 * The office's figures for the head's control (p.48) and the statistical
 * report: the open cases now (by state, by stage deadline, per specialist),
 * and for a registration period — applications per month by sub-service and
 * channel, late registrations, outcomes with refusals by ground of p.31,
 * working days from registration to decision against the term, and
 * compliance of each stage with its deadline. Every figure carries the case
 * filter (or complaint filter) that lists the cases behind it.
 */
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CaseFilters } from '../../../core/api/reception';
import { CASE_OUTCOMES, type CaseOutcome } from '../../../core/api/control-filters';
import { OPEN_STATUSES, isClosed, type CaseStatus } from '../../../core/domain/case-states';
import { CHANNELS, registeredLate, soonHorizon, type DeadlineKind } from '../../../core/domain/deadlines';
import { isoFromParts, todayIso } from '../../../core/domain/dates';
import { ApiError } from '../../../core/api/errors';
import { REFUSAL_GROUNDS, type RefusalGroundCode } from '../../../core/domain/refusal-grounds';
import { SUBSERVICE_CODES } from '../../../core/domain/checklists';
import { DISTRIBUTION_MAX_DAY, durationDistribution, stageOutcome, type StageOutcome } from '../../../core/domain/statistics';
import { cases } from '../../../db/schema';
import { caseConditions } from '../cases';
import type { Ctx } from '../context';
import { complaintSummary } from './complaints';
import { firstRequestSql, firstSignedSql, isOpenSql, issuedDateSql, localDateOf, refusalGroundsSql, resultTermSql, signedKindSql, workingDayIndex } from './filters';

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

  const byStatusRows = ctx.db.select({ status: cases.status, n: count() }).from(cases).where(and(isOpenSql, mine)).groupBy(cases.status).all();
  const byStatus = OPEN_STATUSES.map((status) => ({ status, count: byStatusRows.find((r) => r.status === status)?.n ?? 0, filter: { ...base, status } }));

  const dueRows = ctx.db
    .select({
      kind: cases.nextDueKind,
      overdue: sql<number>`sum(${cases.nextDue} < ${t})`,
      today: sql<number>`sum(${cases.nextDue} = ${t})`,
      soon: sql<number>`sum(${cases.nextDue} > ${t})`,
    })
    .from(cases)
    .where(and(isNotNull(cases.nextDue), sql`${cases.nextDue} <= ${horizon}`, mine))
    .groupBy(cases.nextDueKind)
    .all();
  const kinds: Exclude<DeadlineKind, 'registration'>[] = ['requests', 'decision', 'result', 'issue'];
  const byDeadline = (['overdue', 'today', 'soon'] as const).map((u) => ({
    urgency: u,
    count: dueRows.reduce((s, r) => s + (r[u] ?? 0), 0),
    filter: { ...base, urgency: u } as Filter,
    byKind: kinds.map((k) => ({ kind: k, count: dueRows.find((r) => r.kind === k)?.[u] ?? 0, filter: { ...base, urgency: u, dueKind: k } as Filter })),
  }));

  const perRows = ctx.db
    .select({ id: cases.responsibleId, name: cases.responsibleName, open: count(), overdue: sql<number>`sum(${cases.nextDue} < ${t})` })
    .from(cases)
    .where(and(isOpenSql, mine))
    .groupBy(cases.responsibleId)
    .all();
  const perSpecialist = perRows
    .map((r) => ({
      responsibleId: r.id,
      name: r.name,
      open: { count: r.open, filter: r.id ? { responsibleId: r.id, open: true } : { unassigned: true, open: true } } as Figure,
      overdue: { count: r.overdue ?? 0, filter: r.id ? { responsibleId: r.id, urgency: 'overdue' } : { unassigned: true, urgency: 'overdue' } } as Figure,
    }))
    .sort((a, b) => (a.responsibleId === null ? 1 : b.responsibleId === null ? -1 : (a.name ?? '').localeCompare(b.name ?? '', 'ru')));

  const unassigned = ctx.db.select({ n: count() }).from(cases).where(and(isOpenSql, isNull(cases.responsibleId))).get()?.n ?? 0;
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

interface CohortRow {
  id: number;
  regDate: string;
  receivedDate: string;
  subservice: string;
  channel: string;
  status: string;
  dueRegistration: string | null;
  dueRequests: string | null;
  dueDecision: string;
  dueResult: string;
  dueIssue: string | null;
  resultTerm: number;
  signedKind: string | null;
  firstSigned: string | null;
  grounds: string | null;
  firstRequest: string | null;
  issuedDate: string | null;
}

function cohort(ctx: Ctx, scope: Scope): CohortRow[] {
  const cal = ctx.services.calendar();
  const t = todayIso(ctx.now());
  const where = caseConditions(ctx.db, { from: scope.from, to: scope.to, responsibleId: scope.responsibleId }, cal, t);
  return ctx.db
    .select({
      id: cases.id,
      regDate: sql<string>`${localDateOf(cases.registeredAt)}`,
      receivedDate: sql<string>`substr(${cases.receivedAt}, 1, 10)`,
      subservice: cases.subservice,
      channel: cases.channel,
      status: cases.status,
      dueRegistration: cases.dueRegistration,
      dueRequests: cases.dueRequests,
      dueDecision: cases.dueDecision,
      dueResult: cases.dueResult,
      dueIssue: cases.dueIssue,
      resultTerm: sql<number>`${resultTermSql}`,
      signedKind: sql<string | null>`${signedKindSql}`,
      firstSigned: sql<string | null>`${firstSignedSql}`,
      grounds: sql<string | null>`${refusalGroundsSql}`,
      firstRequest: sql<string | null>`${firstRequestSql}`,
      issuedDate: sql<string | null>`${issuedDateSql}`,
    })
    .from(cases)
    .where(where)
    .all();
}

function outcomeOf(r: CohortRow): CaseOutcome {
  if (r.signedKind === 'ippsu' || r.signedKind === 'refusal') return r.signedKind;
  if (r.status === 'withdrawn' || r.status === 'annulled') return r.status;
  return 'in_progress';
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

export function periodStatistics(ctx: Ctx, scope: Scope) {
  checkPeriod(scope);
  const cal = ctx.services.calendar();
  const ix = workingDayIndex(cal);
  const t = todayIso(ctx.now());
  const rows = cohort(ctx, scope);
  const base: Filter = { from: scope.from, to: scope.to, ...(scope.responsibleId ? { responsibleId: scope.responsibleId } : {}) };

  // Applications per month by sub-service and by channel.
  const months = monthsOf(scope.from, scope.to).map((m) => {
    const mFrom = `${m}-01` < scope.from ? scope.from : `${m}-01`;
    const mTo = monthEnd(m) > scope.to ? scope.to : monthEnd(m);
    const inMonth = rows.filter((r) => r.regDate.startsWith(m));
    const mf: Filter = { ...base, from: mFrom, to: mTo };
    return {
      month: m,
      total: { count: inMonth.length, filter: mf } as Figure,
      bySubservice: SUBSERVICE_CODES.map((s) => ({ subservice: s, count: inMonth.filter((r) => r.subservice === s).length, filter: { ...mf, subservice: s } as Filter })),
      byChannel: CHANNELS.map((c) => ({ channel: c, count: inMonth.filter((r) => r.channel === c).length, filter: { ...mf, channel: c } as Filter })),
    };
  });

  // Late registrations (p.35, p.43).
  const late = rows.filter((r) => registeredLate({ channel: r.channel, receivedDate: r.receivedDate, registeredDate: r.regDate, dueRegistration: r.dueRegistration }));
  const lateRegistrations = {
    count: late.length,
    filter: { ...base, lateRegistration: true } as Filter,
    byChannel: CHANNELS.map((c) => ({ channel: c, count: late.filter((r) => r.channel === c).length, filter: { ...base, lateRegistration: true, channel: c } as Filter })),
  };

  // Outcomes, refusals by ground.
  const outcomes = CASE_OUTCOMES.map((o) => ({ outcome: o, count: rows.filter((r) => outcomeOf(r) === o).length, filter: { ...base, outcome: o } as Filter }));
  const refusalsByGround = REFUSAL_GROUNDS.map((g) => ({
    ground: g.code as RefusalGroundCode,
    count: rows.filter((r) => r.signedKind === 'refusal' && r.grounds && (JSON.parse(r.grounds) as string[]).includes(g.code)).length,
    filter: { ...base, refusalGround: g.code } as Filter,
  }));

  // Working days from registration to the first signed result, against the p.17 term.
  const decided = rows.filter((r) => r.firstSigned).map((r) => ({ days: ix.between(r.regDate, r.firstSigned!), term: r.resultTerm }));
  const dist = durationDistribution(decided);
  const durations = {
    decided: { count: dist.total, filter: { ...base, decisionDaysMin: 0 } as Filter },
    onTime: { count: dist.onTime, filter: { ...base, decisionOnTime: true } as Filter },
    late: { count: dist.total - dist.onTime, filter: { ...base, decisionOnTime: false } as Filter },
    shareOnTime: dist.shareOnTime,
    byDay: dist.byDay.map((n, d) => ({ days: d, count: n, filter: { ...base, decisionDaysMin: d, decisionDaysMax: d } as Filter })),
    more: { days: DISTRIBUTION_MAX_DAY + 1, count: dist.more, filter: { ...base, decisionDaysMin: DISTRIBUTION_MAX_DAY + 1 } as Filter },
  };

  // Compliance of each stage with its deadline.
  const compliance = STAGES.map((s) => {
    const tally: Record<Exclude<StageOutcome, 'not_applicable'>, number> = { on_time: 0, late: 0, pending: 0, overdue: 0 };
    for (const r of rows) {
      if (r.status === 'annulled') continue;
      const closed = isClosed(r.status as CaseStatus);
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
    registered: { count: rows.length, filter: base } as Figure,
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
  return { ...openSnapshot(ctx, scope), period: periodStatistics(ctx, scope) };
}

