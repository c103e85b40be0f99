/**
 * Portal emulator: the PORTAL side of exchange protocol v1 for tests and
 * demos. Its own SQLite file (better-sqlite3), HMAC checks, idempotent
 * storage of pushed events applied in seq order (acks the highest contiguous
 * seq), inbound events per office behind a cursor, and fault injection.
 * Not a model of the real portal's business rules.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AckRequest,
  ExchangeEvent,
  HEADER_OFFICE,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  MAX_BATCH,
  SCHEMA_VERSION,
  buildPackage,
  checkPackage,
  parseEvent,
  verify,
  signReply,
  type PushResponse,
} from '../../core/exchange/protocol';

export type FaultKind =
  /** Close the connection without processing the request. */
  | 'drop-before'
  /** Process the request, then send half of the answer and close the connection. */
  | 'drop-after'
  /** Answer 500 without processing. */
  | 'error-500'
  /** Wait delayMs, then process and answer (beyond the client's timeout). */
  | 'delay'
  /** Process a push twice (a retrying proxy). */
  | 'duplicate-request'
  /** Pull: every event of the page twice. */
  | 'duplicate-events'
  /** Pull: the page in reverse order. */
  | 'reorder-events';

export interface FaultRule {
  kind: FaultKind;
  route?: 'push' | 'pull' | 'ack';
  /** How many matching requests it affects. */
  times: number;
  delayMs?: number;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  dbFile: string;
  /** office code → shared secret */
  offices: Record<string, string>;
  faults?: FaultRule[];
  now?: () => number;
  /** Protocol v1.1 reply signatures: 'on' (default); 'off' and 'wrong' play a fake portal (tests). */
  replySigning?: 'on' | 'off' | 'wrong';
  /** A fake portal (tests): the pull cursor and the push ackSeq jump this far past what was sent. */
  cursorJump?: number;
}

export interface ReceivedEvent {
  office: string;
  id: string;
  seq: number;
  type: string;
  payload: unknown;
  status: 'pending' | 'applied' | 'rejected';
  reason: string | null;
  receivedAt: string;
}

export interface Emulator {
  url: string;
  port: number;
  db: Database.Database;
  /** The audit-chain head the office last reported with a push. */
  auditHead(office: string): { count: number; head: string } | null;
  /** Mutable (tests): how replies are signed, and a cursor jump. */
  options: { replySigning: 'on' | 'off' | 'wrong'; cursorJump: number };
  /** Mutable: push rules at any time; each is consumed by `times` matching requests. */
  faults: FaultRule[];
  /** Counts of requests served per route. */
  stats: { push: number; pull: number; ack: number; unauthorized: number };
  createInbound(office: string, type: string, payload: unknown, opts?: { id?: string; occurredAt?: string; schemaVersion?: number }): ExchangeEvent;
  received(office: string): ReceivedEvent[];
  ackSeq(office: string): number;
  inboundAcked(office: string): string | null;
  /** A portal → office package of the office's inbound events after `afterSeq`. */
  exportPackage(office: string, afterSeq?: number): string;
  /** Stores an office → portal package as if pushed; throws with the Russian reason if it fails a check. */
  importPackage(office: string, text: string): PushResponse;
  close(): Promise<void>;
}

const SCHEMA = `
create table if not exists offices (code text primary key, secret text not null, ack_seq integer not null default 0, inbound_acked text);
create table if not exists received (
  office text not null, id text not null, seq integer not null, type text not null, payload text,
  status text not null, reason text, received_at text not null, applied_at text,
  primary key (office, id));
create unique index if not exists received_seq on received(office, seq);
create table if not exists inbound (
  office text not null, seq integer not null, id text not null unique, type text not null, schema_version integer not null,
  occurred_at text not null, payload text, primary key (office, seq));
`;

export function openEmulatorDb(file: string, offices: Record<string, string> = {}): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  const up = db.prepare('insert into offices(code, secret) values (?, ?) on conflict(code) do update set secret = excluded.secret');
  for (const [code, secret] of Object.entries(offices)) up.run(code, secret);
  return db;
}

/** Adds a portal → office event (the CLI and tests). */
export function addInbound(db: Database.Database, office: string, type: string, payload: unknown, opts: { id?: string; occurredAt?: string; schemaVersion?: number } = {}): ExchangeEvent {
  return db
    .transaction(() => {
      const known = db.prepare('select 1 from offices where code = ?').get(office);
      if (!known) throw new Error(`unknown office ${office}`);
      const last = (db.prepare('select coalesce(max(seq), 0) as s from inbound where office = ?').get(office) as { s: number }).s;
      const e: ExchangeEvent = {
        id: opts.id ?? randomUUID(),
        seq: last + 1,
        type,
        schemaVersion: opts.schemaVersion ?? SCHEMA_VERSION,
        occurredAt: opts.occurredAt ?? new Date().toISOString(),
        payload,
      };
      db.prepare('insert into inbound(office, seq, id, type, schema_version, occurred_at, payload) values (?, ?, ?, ?, ?, ?, ?)').run(
        office,
        e.seq,
        e.id,
        e.type,
        e.schemaVersion,
        e.occurredAt,
        JSON.stringify(payload),
      );
      return e;
    })
    .immediate();
}

export function listReceived(db: Database.Database, office: string): ReceivedEvent[] {
  return (db.prepare('select * from received where office = ? order by seq').all(office) as Record<string, unknown>[]).map((r) => ({
    office: String(r.office),
    id: String(r.id),
    seq: Number(r.seq),
    type: String(r.type),
    payload: r.payload == null ? null : JSON.parse(String(r.payload)),
    status: r.status as ReceivedEvent['status'],
    reason: (r.reason as string | null) ?? null,
    receivedAt: String(r.received_at),
  }));
}

/** Stores a batch idempotently and applies what is contiguous (one transaction). */
export function storeBatch(db: Database.Database, office: string, events: unknown[]): PushResponse {
  return db
    .transaction((): PushResponse => {
      const accepted: string[] = [];
      const rejected: { id: string; reason: string }[] = [];
      const at = new Date().toISOString();
      const byId = db.prepare('select seq, status, reason from received where office = ? and id = ?');
      const bySeq = db.prepare('select id from received where office = ? and seq = ?');
      const ins = db.prepare("insert into received(office, id, seq, type, payload, status, received_at) values (?, ?, ?, ?, ?, 'pending', ?)");
      const seen = new Set<string>();
      for (const raw of events) {
        const env = ExchangeEvent.safeParse(raw);
        if (!env.success) {
          const id = (raw as { id?: unknown } | null)?.id;
          rejected.push({ id: typeof id === 'string' ? id : '', reason: 'Неверный формат события' });
          continue;
        }
        const e = env.data;
        if (seen.has(e.id)) continue;
        seen.add(e.id);
        const dup = byId.get(office, e.id) as { status: string; reason: string | null } | undefined;
        if (dup) {
          if (dup.status === 'rejected') rejected.push({ id: e.id, reason: dup.reason ?? 'Отклонено' });
          else accepted.push(e.id);
          continue;
        }
        const taken = bySeq.get(office, e.seq) as { id: string } | undefined;
        if (taken) {
          rejected.push({ id: e.id, reason: `Номер последовательности ${e.seq} уже занят другим событием` });
          continue;
        }
        ins.run(office, e.id, e.seq, e.type, JSON.stringify(e.payload ?? null), at);
        accepted.push(e.id);
      }
      // Apply in seq order from the last acknowledged one.
      let ackSeq = (db.prepare('select ack_seq from offices where code = ?').get(office) as { ack_seq: number }).ack_seq;
      const next = db.prepare('select * from received where office = ? and seq = ?');
      const mark = db.prepare('update received set status = ?, reason = ?, applied_at = ? where office = ? and id = ?');
      for (;;) {
        const r = next.get(office, ackSeq + 1) as { id: string; seq: number; type: string; payload: string; status: string; received_at: string } | undefined;
        if (!r) break;
        if (r.status === 'pending') {
          const p = parseEvent({ id: r.id, seq: r.seq, type: r.type, schemaVersion: SCHEMA_VERSION, occurredAt: r.received_at, payload: JSON.parse(r.payload) }, 'outbound');
          if (p.ok) mark.run('applied', null, at, office, r.id);
          else {
            mark.run('rejected', p.reason, at, office, r.id);
            const i = accepted.indexOf(r.id);
            if (i >= 0) {
              accepted.splice(i, 1);
              rejected.push({ id: r.id, reason: p.reason });
            }
          }
        }
        ackSeq++;
      }
      db.prepare('update offices set ack_seq = ? where code = ?').run(ackSeq, office);
      return { accepted, rejected, ackSeq };
    })
    .immediate();
}

export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  const db = openEmulatorDb(opts.dbFile, opts.offices);
  const faults: FaultRule[] = opts.faults ?? [];
  const stats = { push: 0, pull: 0, ack: 0, unauthorized: 0 };
  /** The last audit-chain head each office reported with a push (v1.1). */
  const auditHeads = new Map<string, { count: number; head: string }>();
  const options = { replySigning: opts.replySigning ?? 'on', cursorJump: opts.cursorJump ?? 0 };
  const now = opts.now ?? Date.now;

  const takeFault = (route: 'push' | 'pull' | 'ack', kinds: FaultKind[]): FaultRule | null => {
    const f = faults.find((x) => x.times > 0 && kinds.includes(x.kind) && (!x.route || x.route === route));
    if (!f) return null;
    f.times--;
    return f;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks)).catch(() => {
        if (!res.headersSent) send(res, 500, { error: 'internal', message: 'Внутренняя ошибка эмулятора' });
        else res.destroy();
      });
    });
  });
  server.keepAliveTimeout = 5000;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const path = req.url ?? '/';
    const url = new URL(path, 'http://localhost');
    const m = /^\/v1\/offices\/([^/]+)\/(outbound|inbound|inbound\/ack)$/.exec(url.pathname);
    if (!m) return send(res, 404, { error: 'not_found', message: 'Нет такого адреса' });
    const office = decodeURIComponent(m[1]);
    const route = m[2] === 'outbound' ? 'push' : m[2] === 'inbound' ? 'pull' : 'ack';
    const expectMethod = route === 'pull' ? 'GET' : 'POST';
    if (req.method !== expectMethod) return send(res, 405, { error: 'method', message: 'Метод не поддерживается' });

    const row = db.prepare('select secret from offices where code = ?').get(office) as { secret: string } | undefined;
    const hOffice = String(req.headers[HEADER_OFFICE] ?? '');
    const v = row && hOffice === office
      ? verify(row.secret, req.method!, path, String(req.headers[HEADER_TIMESTAMP] ?? ''), body, String(req.headers[HEADER_SIGNATURE] ?? ''), now())
      : { ok: false as const, reason: 'Неизвестное управление' };
    if (!v.ok) {
      stats.unauthorized++;
      return send(res, 401, { error: 'unauthorized', message: v.reason });
    }
    const secret = row!.secret;
    const requestSignature = String(req.headers[HEADER_SIGNATURE] ?? '');
    /** Headers of a signed reply (v1.1). */
    const signed = (text: Buffer): Record<string, string> => {
      if (options.replySigning === 'off') return {};
      const ts = String(Math.floor(now() / 1000));
      const sig = signReply(options.replySigning === 'wrong' ? secret + 'x' : secret, path, requestSignature, ts, text);
      return { [HEADER_TIMESTAMP]: ts, [HEADER_SIGNATURE]: sig };
    };

    const fault = takeFault(route, ['drop-before', 'error-500', 'delay', 'drop-after']);
    if (fault?.kind === 'drop-before') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'error-500') return send(res, 500, { error: 'internal', message: 'Сбой портала (эмуляция)' });
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));

    let out: unknown;
    if (route === 'push') {
      stats.push++;
      let json: { events?: unknown };
      try {
        json = JSON.parse(body.toString('utf8')) as { events?: unknown };
      } catch {
        return send(res, 400, { error: 'bad_request', message: 'Тело запроса не является JSON' });
      }
      if (!Array.isArray(json.events) || json.events.length > MAX_BATCH) {
        return send(res, 400, { error: 'bad_request', message: `Ожидается { events: [...] } не длиннее ${MAX_BATCH}` });
      }
      out = storeBatch(db, office, json.events);
      const head = (json as { auditHead?: { count?: unknown; head?: unknown } }).auditHead;
      if (head && typeof head.head === 'string' && typeof head.count === 'number') auditHeads.set(office, { count: head.count, head: head.head });
      if (takeFault('push', ['duplicate-request'])) out = storeBatch(db, office, json.events);
      if (options.cursorJump) out = { ...(out as object), ackSeq: (out as { ackSeq: number }).ackSeq + options.cursorJump };
    } else if (route === 'pull') {
      stats.pull++;
      const afterParam = url.searchParams.get('after');
      const stored = (db.prepare('select inbound_acked from offices where code = ?').get(office) as { inbound_acked: string | null }).inbound_acked;
      const after = afterParam ?? stored;
      const afterSeq = after === null ? 0 : Number(after);
      if (!Number.isInteger(afterSeq) || afterSeq < 0) return send(res, 400, { error: 'bad_request', message: 'Неверный курсор' });
      const limit = Math.max(1, Math.min(MAX_BATCH, Number(url.searchParams.get('limit') ?? 100) || 100));
      let events = inboundAfter(office, afterSeq, limit);
      const last = events.length ? events[events.length - 1].seq : afterSeq;
      const cursor = options.cursorJump ? String(last + options.cursorJump) : events.length ? String(last) : after;
      if (takeFault('pull', ['duplicate-events'])) events = events.flatMap((e) => [e, e]);
      if (takeFault('pull', ['reorder-events'])) events = [...events].reverse();
      out = { events, cursor };
    } else {
      stats.ack++;
      const p = AckRequest.safeParse((() => { try { return JSON.parse(body.toString('utf8')); } catch { return null; } })());
      if (!p.success || !/^\d+$/.test(p.data.cursor)) return send(res, 400, { error: 'bad_request', message: 'Неверный курсор' });
      db.prepare('update offices set inbound_acked = ? where code = ? and (inbound_acked is null or cast(inbound_acked as integer) < ?)').run(p.data.cursor, office, Number(p.data.cursor));
      out = { ok: true };
    }
    if (fault?.kind === 'drop-after') {
      const text = Buffer.from(JSON.stringify(out));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': text.length, ...signed(text) });
      res.write(text.subarray(0, Math.max(1, Math.floor(text.length / 2))));
      setImmediate(() => res.socket?.destroy());
      return;
    }
    const text = Buffer.from(JSON.stringify(out));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': text.length, ...signed(text) });
    res.end(text);
  }

  function inboundAfter(office: string, afterSeq: number, limit: number): ExchangeEvent[] {
    return (db.prepare('select * from inbound where office = ? and seq > ? order by seq limit ?').all(office, afterSeq, limit) as Record<string, unknown>[]).map((r) => ({
      id: String(r.id),
      seq: Number(r.seq),
      type: String(r.type),
      schemaVersion: Number(r.schema_version),
      occurredAt: String(r.occurred_at),
      payload: r.payload == null ? null : JSON.parse(String(r.payload)),
    }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    db,
    faults,
    stats,
    options,
    auditHead: (office) => auditHeads.get(office) ?? null,
    createInbound: (office, type, payload, o) => addInbound(db, office, type, payload, o),
    received: (office) => listReceived(db, office),
    ackSeq: (office) => (db.prepare('select ack_seq from offices where code = ?').get(office) as { ack_seq: number } | undefined)?.ack_seq ?? 0,
    inboundAcked: (office) => (db.prepare('select inbound_acked from offices where code = ?').get(office) as { inbound_acked: string | null } | undefined)?.inbound_acked ?? null,
    exportPackage(office, afterSeq = 0) {
      const secret = (db.prepare('select secret from offices where code = ?').get(office) as { secret: string }).secret;
      return buildPackage(secret, { officeCode: office, direction: 'portal-to-office', createdAt: new Date().toISOString() }, inboundAfter(office, afterSeq, Number.MAX_SAFE_INTEGER));
    },
    importPackage(office, text) {
      const secret = (db.prepare('select secret from offices where code = ?').get(office) as { secret: string }).secret;
      const c = checkPackage(text, secret, { officeCode: office, direction: 'office-to-portal' });
      if (!c.ok) throw new Error(c.reason);
      return storeBatch(db, office, c.events);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
