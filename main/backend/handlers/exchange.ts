/**
 * The exchange with the central portal as API methods: status and settings,
 * «Обменяться сейчас», the quarantine, file packages for offline districts,
 * the queue of online applications and the portal's data on a case.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { ApiError } from '../../../core/api/errors';
import { toRegisterInput } from '../../../core/exchange/protocol';
import { urgency } from '../../../core/domain/deadlines';
import { foldRu } from '../../../core/domain/russian-text';
import type { IppsuDraft } from '../../../core/api/decision';
import { caseDecisions } from '../../../db/schema';
import { exchangeInbox, exchangeLog, portalApplications, portalContracts, portalDeliveries } from '../../../db/schema-exchange';
import { applyInbound, quarantined } from '../exchange/inbox';
import { pendingCount } from '../exchange/outbox';
import { exportPackage, importPackage, PackageError } from '../exchange/packages';
import { exchangeConfigured, getExchangeSettings, getState, saveExchangeSettings, STATE_KEYS } from '../exchange/state';
import { EXCHANGE_NOT_CONFIGURED } from '../../../core/api/exchange';
import { localDate } from '../processing';
import type { HandlerGroup } from './types';

export const exchangeHandlers: HandlerGroup<
  | 'exchange.status'
  | 'exchange.saveSettings'
  | 'exchange.syncNow'
  | 'exchange.retryQuarantined'
  | 'exchange.exportPackage'
  | 'exchange.importPackage'
  | 'portal.applications'
  | 'portal.prefill'
  | 'portal.caseData'
> = {
  'exchange.status': (ctx) => {
    const s = getExchangeSettings(ctx.db);
    const scheduler = ctx.services.exchange;
    return {
      configured: exchangeConfigured(s),
      portalUrl: s.portalUrl,
      secretSet: Boolean(s.officeSecret),
      intervalMinutes: s.intervalMinutes,
      lastSuccess: getState(ctx.db, STATE_KEYS.lastSuccess),
      lastAttempt: getState(ctx.db, STATE_KEYS.lastAttempt),
      nextRunAt: scheduler?.nextRunAt?.toISOString() ?? null,
      running: scheduler?.running ?? false,
      pendingOutbound: pendingCount(ctx.db),
      lastErrors: scheduler?.lastReport?.errors ?? [],
      quarantine: quarantined(ctx.db).map((q) => ({ id: q.id, type: q.type, receivedAt: q.receivedAt, error: q.error, via: q.via })),
      history: ctx.db.select().from(exchangeLog).orderBy(desc(exchangeLog.id)).limit(30).all(),
    };
  },

  'exchange.saveSettings': (ctx, input) =>
    ctx.tx(() => {
      const before = getExchangeSettings(ctx.db);
      saveExchangeSettings(ctx.db, { portalUrl: input.portalUrl || null, officeSecret: input.officeSecret, intervalMinutes: input.intervalMinutes });
      // The secret itself never goes to the audit log.
      ctx.audit({
        action: 'update',
        entity: 'exchange.settings',
        before: { portalUrl: before.portalUrl, intervalMinutes: before.intervalMinutes },
        after: { portalUrl: input.portalUrl || null, intervalMinutes: input.intervalMinutes, secretChanged: Boolean(input.officeSecret) },
      });
      ctx.services.exchange?.settingsChanged();
      return { ok: true as const };
    }),

  'exchange.syncNow': async (ctx) => {
    const scheduler = ctx.services.exchange;
    if (!scheduler) throw new ApiError('CONFLICT', 'Обмен не запущен в этом режиме работы программы.');
    if (!exchangeConfigured(getExchangeSettings(ctx.db))) throw new ApiError('CONFLICT', EXCHANGE_NOT_CONFIGURED);
    // Talking to the portal takes time: out of the write queue (the sync's own transactions are atomic).
    const r = await ctx.outside(() => scheduler.syncNow());
    return { ok: r.ok, pushed: r.pushed, pulled: r.pulled, applied: r.applied, quarantined: r.quarantined, pendingOutbound: r.pendingOutbound, errors: r.errors };
  },

  'exchange.retryQuarantined': (ctx, input) =>
    ctx.tx(() => {
      const q = ctx.db.select().from(exchangeInbox).where(eq(exchangeInbox.id, input.eventId)).get();
      if (!q || q.status !== 'quarantined') throw new ApiError('NOT_FOUND', 'Событие в карантине не найдено.');
      ctx.db.delete(exchangeInbox).where(eq(exchangeInbox.id, q.id)).run();
      const r = applyInbound(
        ctx.db,
        () => ctx.services.calendar(),
        { id: q.id, seq: q.portalSeq ?? 0, type: q.type, schemaVersion: 1, occurredAt: q.receivedAt, payload: q.payload },
        { now: ctx.now(), via: q.via },
      );
      ctx.audit({ action: 'exchange.retry', entity: 'exchange.inbox', entityId: q.id, before: { status: 'quarantined', error: q.error }, after: r });
      return { status: r.status, reason: r.status === 'quarantined' ? r.reason : null };
    }),

  'exchange.exportPackage': (ctx) => {
    try {
      const p = exportPackage(ctx.db, { now: ctx.now() });
      ctx.tx(() => ctx.audit({ action: 'exchange.export', entity: 'exchange.package', after: p.manifest }));
      return { fileName: p.fileName, text: p.text, count: p.manifest.count };
    } catch (e) {
      if (e instanceof PackageError) throw new ApiError('CONFLICT', e.message);
      throw e;
    }
  },

  'exchange.importPackage': (ctx, input) => {
    try {
      const r = importPackage(ctx.db, () => ctx.services.calendar(), input.text, { now: ctx.now(), onCalendarChanged: () => ctx.services.invalidateCalendar() });
      ctx.tx(() => ctx.audit({ action: 'exchange.import', entity: 'exchange.package', after: { fileName: input.fileName, ...r } }));
      return r;
    } catch (e) {
      if (e instanceof PackageError) throw new ApiError('VALIDATION', e.message);
      throw e;
    }
  },

  'portal.applications': (ctx, input) => {
    const cal = ctx.services.calendar();
    const today = localDate(ctx);
    return ctx.db
      .select()
      .from(portalApplications)
      .where(input.includeRegistered ? undefined : isNull(portalApplications.caseId))
      .orderBy(asc(portalApplications.dueRegistration), asc(portalApplications.id))
      .all()
      .map((a) => ({
        id: a.id,
        portalId: a.portalId,
        channel: a.channel,
        applicantName: a.applicantName,
        receivedAt: a.receivedAt,
        dueRegistration: a.dueRegistration,
        urgency: urgency(cal, a.dueRegistration, today),
        caseId: a.caseId,
      }));
  },

  'portal.prefill': (ctx, input) => {
    const a = ctx.db.select().from(portalApplications).where(eq(portalApplications.id, input.id)).get();
    if (!a) throw new ApiError('NOT_FOUND', 'Заявление с портала не найдено.');
    if (a.caseId) throw new ApiError('CONFLICT', 'Это заявление уже зарегистрировано.');
    return toRegisterInput(a.payload);
  },

  'portal.caseData': (ctx, input) => {
    const deliveries = ctx.db
      .select({
        serviceCode: portalDeliveries.serviceCode,
        serviceName: portalDeliveries.serviceName,
        quantity: portalDeliveries.quantity,
        unit: portalDeliveries.unit,
        periodFrom: portalDeliveries.periodFrom,
        periodUntil: portalDeliveries.periodUntil,
        actSigned: portalDeliveries.actSigned,
      })
      .from(portalDeliveries)
      .where(eq(portalDeliveries.caseId, input.caseId))
      .orderBy(asc(portalDeliveries.periodFrom), asc(portalDeliveries.id))
      .all();
    const ippsu = ctx.db
      .select({ data: caseDecisions.data })
      .from(caseDecisions)
      .where(and(eq(caseDecisions.caseId, input.caseId), eq(caseDecisions.status, 'signed'), eq(caseDecisions.kind, 'ippsu')))
      .get();
    const planned = (ippsu?.data as IppsuDraft | undefined)?.services ?? [];
    const same = (d: (typeof deliveries)[number], s: (typeof planned)[number]) =>
      (d.serviceCode && s.serviceCode ? d.serviceCode === s.serviceCode : foldRu(d.serviceName) === foldRu(s.name));
    const plan = planned.map((s) => {
      const ds = deliveries.filter((d) => same(d, s));
      return { name: s.name, volume: s.volume, periodicity: s.periodicity, delivered: ds.reduce((n, d) => n + d.quantity, 0), unit: ds[0]?.unit ?? null };
    });
    return {
    plan,
    contracts: ctx.db
      .select({ provider: portalContracts.provider, status: portalContracts.status, date: portalContracts.date, contractNumber: portalContracts.contractNumber, termFrom: portalContracts.termFrom, termUntil: portalContracts.termUntil })
      .from(portalContracts)
      .where(eq(portalContracts.caseId, input.caseId))
      .orderBy(asc(portalContracts.id))
      .all(),
    deliveries,
    };
  },
};
