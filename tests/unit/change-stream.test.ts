/**
 * The pieces of live updates that are plain functions: reading the SSE
 * stream, which cached queries a notification makes stale, and the
 * reconnection backoff.
 */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ChangeStreamParser, type Change } from '../../core/api/changes';
import { sseFrame } from '../../main/backend/change-stream';
import { staleQueriesFor } from '../../renderer/src/data/invalidate';
import { retryDelay } from '../../renderer/src/data/live';

const change = (over: Partial<Change>): Change => ({ seq: 7, kind: 'case', id: '5', rev: 2, caseId: 5, ...over });

describe('the SSE stream', () => {
  it('reads back what the host writes, whatever the chunks', () => {
    const wire =
      'retry: 2000\n\n' +
      sseFrame({ type: 'change', change: change({}) }) +
      ': ping\n\n' +
      sseFrame({ type: 'ready', seq: 7 }) +
      sseFrame({ type: 'reset', seq: 9 }) +
      'event: end\ndata: {}\n\n';
    for (const size of [1, 3, 17, wire.length]) {
      const p = new ChangeStreamParser();
      const frames = [];
      for (let i = 0; i < wire.length; i += size) frames.push(...p.push(wire.slice(i, i + size)));
      expect(frames).toEqual([{ type: 'change', change: change({}) }, { type: 'ready', seq: 7 }, { type: 'reset', seq: 9 }, { type: 'end' }]);
    }
  });

  it('carries the sequence as the event id (Last-Event-ID on reconnection)', () => {
    expect(sseFrame({ type: 'change', change: change({ seq: 42 }) })).toMatch(/^id: 42\nevent: change\n/);
    expect(sseFrame({ type: 'ready', seq: 43 })).toMatch(/^id: 43\nevent: ready\n/);
  });

  it('skips what it cannot read', () => {
    const p = new ChangeStreamParser();
    expect(p.push('event: change\ndata: {oops\n\nevent: ready\ndata: {"seq":"x"}\n\n')).toEqual([]);
  });
});

describe('which cached queries a change makes stale', () => {
  async function staleAfter(c: Change): Promise<string[]> {
    const qc = new QueryClient();
    const keys: unknown[][] = [
      ['cases.get', { id: 5 }],
      ['cases.get', { id: 6 }],
      ['cases.list', { page: 1 }],
      ['deadlines.summary', {}],
      ['persons.get', { id: 3 }],
      ['persons.get', { id: 4 }],
      ['users.list', {}],
      ['auth.session', {}],
      ['ref.list', { kind: 'mfc' }],
      ['services.list', {}],
      ['calendar.year', { year: 2026 }],
      ['audit.list', { page: 1 }],
      ['exchange.status', {}],
      ['notifications.counts', {}],
      ['signoff.queue', {}],
      ['control.dashboard', { from: '2026-01-01', to: '2026-12-31' }],
    ];
    for (const k of keys) qc.setQueryData(k, { x: 1 });
    const filters = staleQueriesFor(c);
    if (filters === null) await qc.invalidateQueries();
    else for (const f of filters) await qc.invalidateQueries(f);
    return qc
      .getQueryCache()
      .getAll()
      .filter((q) => q.isStale() && q.state.isInvalidated)
      .map((q) => JSON.stringify(q.queryKey));
  }

  it('a case: that case, the lists and counts, not the other cases', async () => {
    const s = await staleAfter(change({ kind: 'case', id: '5', caseId: 5 }));
    expect(s).toContain('["cases.get",{"id":5}]');
    expect(s).not.toContain('["cases.get",{"id":6}]');
    expect(s).toEqual(expect.arrayContaining(['["cases.list",{"page":1}]', '["deadlines.summary",{}]', '["persons.get",{"id":3}]', '["audit.list",{"page":1}]']));
    expect(s).not.toContain('["users.list",{}]');
  });

  it('an act, a request or a decision: their case only', async () => {
    for (const kind of ['act', 'request', 'decision'] as const) {
      const s = await staleAfter(change({ kind, id: '11', caseId: 6 }));
      expect(s).toContain('["cases.get",{"id":6}]');
      expect(s).not.toContain('["cases.get",{"id":5}]');
      expect(s).not.toContain('["cases.list",{"page":1}]');
    }
  });

  it('the office\'s control: a case moves the badges, the queue and the dashboard; a decision the badges and the queue', async () => {
    const s = await staleAfter(change({ kind: 'case', id: '5', caseId: 5 }));
    expect(s).toEqual(expect.arrayContaining(['["notifications.counts",{}]', '["signoff.queue",{}]', '["control.dashboard",{"from":"2026-01-01","to":"2026-12-31"}]']));
    const d = await staleAfter(change({ kind: 'decision', id: '11', caseId: 6 }));
    expect(d).toEqual(expect.arrayContaining(['["notifications.counts",{}]', '["signoff.queue",{}]']));
    expect(d).not.toContain('["control.dashboard",{"from":"2026-01-01","to":"2026-12-31"}]');
    expect(await staleAfter(change({ kind: 'user', id: '2', caseId: null }))).not.toContain('["notifications.counts",{}]');
  });

  it('a person: that card', async () => {
    const s = await staleAfter(change({ kind: 'person', id: '4', caseId: null }));
    expect(s).toContain('["persons.get",{"id":4}]');
    expect(s).not.toContain('["persons.get",{"id":3}]');
  });

  it('reference data, users, the calendar (which moves deadlines)', async () => {
    expect(await staleAfter(change({ kind: 'ref', id: 'mfc:mfc-01', caseId: null }))).toContain('["ref.list",{"kind":"mfc"}]');
    expect(await staleAfter(change({ kind: 'ref', id: 'office:surgut', caseId: null }))).toContain('["auth.session",{}]');
    expect(await staleAfter(change({ kind: 'user', id: '2', caseId: null }))).toEqual(expect.arrayContaining(['["users.list",{}]', '["auth.session",{}]']));
    const cal = await staleAfter(change({ kind: 'calendar', id: '2026', caseId: null }));
    expect(cal).toEqual(expect.arrayContaining(['["calendar.year",{"year":2026}]', '["cases.get",{"id":5}]', '["cases.get",{"id":6}]', '["deadlines.summary",{}]']));
  });

  it('an unknown kind: everything', async () => {
    expect(await staleAfter(change({ kind: 'other', id: null, caseId: null }))).toHaveLength(16);
  });
});

describe('reconnection backoff', () => {
  it('1, 2, 4, 8 s, then every 15 s, with up to 20% jitter', () => {
    for (const [attempt, base] of [
      [0, 1000],
      [1, 2000],
      [2, 4000],
      [3, 8000],
      [4, 15000],
      [10, 15000],
    ]) {
      for (let i = 0; i < 20; i++) {
        const d = retryDelay(attempt);
        expect(d).toBeGreaterThanOrEqual(base);
        expect(d).toBeLessThanOrEqual(base * 1.2);
      }
    }
  });
});
