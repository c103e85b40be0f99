/**
 * Office → portal events. `emitOutbound` writes an event into exchange_outbox
 * in the caller's transaction, so the event exists exactly when the change it
 * reports is committed (transactional outbox). The hook functions below build
 * the payloads: the procedure calls one function per hook.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CaseStatus } from '../../../core/domain/case-states';
import { todayIso } from '../../../core/domain/dates';
import { refusalGround } from '../../../core/domain/refusal-grounds';
import {
  OUTBOUND_PAYLOADS,
  SCHEMA_VERSION,
  issueText,
  portalStatusFor,
  type ExchangeEvent,
  type OutboundPayload,
  type OutboundType,
} from '../../../core/exchange/protocol';
import type { Db } from '../../../db/connection';
import { caseDecisions, type cases } from '../../../db/schema';
import { exchangeOutbox, portalApplications } from '../../../db/schema-exchange';
import { log } from '../logger';

type CaseRecord = typeof cases.$inferSelect;
type DecisionRecord = typeof caseDecisions.$inferSelect;

/**
 * Appends an event to the outbox (call inside the transaction of the change).
 * The payload is checked against its schema; a payload that fails the check is
 * still queued (the office's work is never blocked by the exchange) and logged:
 * the portal will reject it with a reason that shows in the outbox.
 */
export function emitOutbound<T extends OutboundType>(db: Db, type: T, payload: OutboundPayload<T>, occurredAt: Date = new Date()): { id: string; seq: number } {
  const check = OUTBOUND_PAYLOADS[type].safeParse(payload);
  if (!check.success) log.error('exchange: outbound payload does not match the protocol', new Error(issueText(check.error)), { type });
  const id = randomUUID();
  const row = db
    .insert(exchangeOutbox)
    .values({ id, type, schemaVersion: SCHEMA_VERSION, payload: check.success ? check.data : payload, createdAt: occurredAt.toISOString() })
    .returning({ seq: exchangeOutbox.seq })
    .get();
  return { id, seq: row.seq };
}

/** Pending outbound events in seq order, in wire form. */
export function pendingOutbound(db: Db, limit: number, afterSeq = 0): ExchangeEvent[] {
  const rows = db.$client
    .prepare('select seq, id, type, schema_version, payload, created_at from exchange_outbox where acked_at is null and seq > ? order by seq limit ?')
    .all(afterSeq, limit) as { seq: number; id: string; type: string; schema_version: number; payload: string; created_at: string }[];
  return rows.map((r) => ({ id: r.id, seq: r.seq, type: r.type, schemaVersion: r.schema_version, occurredAt: r.created_at, payload: JSON.parse(r.payload) }));
}

export function pendingCount(db: Db): number {
  return (db.$client.prepare('select count(*) as n from exchange_outbox where acked_at is null').get() as { n: number }).n;
}

/** Every outbound event, acked or not (re-export, diagnostics). */
export function allOutbound(db: Db): ExchangeEvent[] {
  return db
    .select()
    .from(exchangeOutbox)
    .orderBy(asc(exchangeOutbox.seq))
    .all()
    .map((r) => ({ id: r.id, seq: r.seq, type: r.type, schemaVersion: r.schemaVersion, occurredAt: r.createdAt, payload: r.payload }));
}

// ------------------------------------------------------------------ hooks

const caseRef = (c: CaseRecord) => ({ caseId: c.id, journalNumber: c.journalNumber, portalId: c.portalId ?? null });

function recipient(c: CaseRecord) {
  // Read defensively, field by field: a row written by an earlier version may lack a field its type has now.
  const a: Record<string, unknown> = c.applicant;
  const s = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return { lastName: String(a.lastName), firstName: String(a.firstName), middleName: s(a.middleName), birthDate: String(a.birthDate), snils: s(a.snils) };
}

/**
 * Registration (p.43–44): `application.registered` and the status «Принято»;
 * an online application in the queue is linked to its case. Call inside the
 * registration transaction, after the case row is inserted.
 */
export function exchangeOnRegistered(db: Db, c: CaseRecord, now: Date = new Date()): void {
  emitOutbound(
    db,
    'application.registered',
    {
      ...caseRef(c),
      registeredAt: c.registeredAt,
      receivedAt: c.receivedAt,
      channel: c.channel,
      subservice: c.subservice,
      mfcCode: c.mfcCode ?? null,
      applicant: recipient(c),
    },
    now,
  );
  emitOutbound(db, 'application.status', { ...caseRef(c), status: 'Принято', date: todayIso(now), at: now.toISOString() }, now);
  if (c.portalId) {
    db.update(portalApplications)
      .set({ caseId: c.id, registeredAt: now.toISOString() })
      .where(and(eq(portalApplications.portalId, c.portalId), isNull(portalApplications.caseId)))
      .run();
  }
}

function signedDecision(db: Db, caseId: number): DecisionRecord | undefined {
  return db.select().from(caseDecisions).where(and(eq(caseDecisions.caseId, caseId), eq(caseDecisions.status, 'signed'))).get();
}

/**
 * Every state change (call inside transition(), after the case row is
 * updated; for 'signed', after the decision row is marked signed): emits
 * `application.status` when the status the portal shows changes.
 */
export function exchangeOnTransition(db: Db, c: CaseRecord, from: CaseStatus, to: CaseStatus, note?: string | null, now: Date = new Date()): void {
  const kind = to === 'signed' || from === 'signed' ? (signedDecision(db, c.id)?.kind ?? null) : null;
  const next = portalStatusFor(to, kind);
  if (!next) return;
  const prev = from === 'signed' && to !== 'issued' ? null : portalStatusFor(from, kind);
  if (prev === next) return;
  emitOutbound(db, 'application.status', { ...caseRef(c), status: next, date: todayIso(now), at: now.toISOString(), comment: note ?? null }, now);
}

/** Sign-off (p.46): the full ИППСУ or the refusal with its grounds. Call inside the signing transaction, after the decision row is signed. */
export function exchangeOnSigned(db: Db, c: CaseRecord, decisionId: number, now: Date = new Date()): void {
  const d = db.select().from(caseDecisions).where(eq(caseDecisions.id, decisionId)).get();
  if (!d || d.status !== 'signed') throw new Error(`decision ${decisionId} is not signed`);
  // Read defensively, as recipient() does: a draft saved by an earlier version may lack fields.
  const data: Record<string, unknown> = d.data;
  const signed = {
    ...caseRef(c),
    number: d.outgoingNumber ?? '',
    version: d.version,
    recipient: recipient(c),
    signedAt: d.signedAt ?? now.toISOString(),
    signedBy: { name: d.signedByName ?? '', position: d.signedByPosition ?? '' },
    sha256: d.sha256 ?? '',
  };
  if (d.kind === 'ippsu') {
    const services = (data.services as Record<string, unknown>[] | undefined) ?? [];
    const providers = (data.providers as Record<string, unknown>[] | undefined) ?? [];
    const measures = (data.supportMeasures as Record<string, unknown>[] | undefined) ?? [];
    emitOutbound(
      db,
      'ippsu.signed',
      {
        ...signed,
        date: String(data.date),
        termUntil: String(data.termUntil),
        firstOrRepeat: String(data.firstOrRepeat),
        form: String(data.form),
        payment: String(data.payment),
        services: services.map((s) => ({
          type: Number(s.type),
          serviceCode: (s.serviceCode as string | undefined) ?? null,
          name: String(s.name),
          volume: String(s.volume),
          periodicity: String(s.periodicity),
          term: String(s.term),
        })),
        providers: providers.map((p) => ({ name: String(p.name), address: String(p.address ?? ''), contacts: String(p.contacts ?? '') })),
        supportMeasures: measures.map((m) => ({ kind: String(m.kind), recipient: (m.recipient as string | undefined) ?? null })),
        conditions: (data.conditions as string | undefined) ?? null,
      },
      now,
    );
  } else {
    const grounds = ((data.grounds as string[] | undefined) ?? []).map((code) => ({ code, text: refusalGround(code)?.text ?? code }));
    emitOutbound(db, 'refusal.signed', { ...signed, date: String(data.date), grounds, motivatedText: String(data.motivatedText ?? '') }, now);
  }
}

/** Issue (p.47): `result.issued`. Call inside the issuing transaction, after the decision row is updated. */
export function exchangeOnIssued(db: Db, c: CaseRecord, decisionId: number, now: Date = new Date()): void {
  const d = db.select().from(caseDecisions).where(eq(caseDecisions.id, decisionId)).get();
  if (!d) throw new Error(`decision ${decisionId} not found`);
  emitOutbound(
    db,
    'result.issued',
    {
      ...caseRef(c),
      number: d.outgoingNumber ?? '',
      kind: d.kind,
      issuedDate: d.issuedDate ?? todayIso(now),
      method: d.issueMethod ?? 'in_person',
      postalId: d.postalId ?? null,
    },
    now,
  );
}
