/**
 * Which cached queries a change notification makes stale. Query keys are
 * `[method, input]` (queries.ts), so a method's queries are invalidated by
 * its name, and one case's by `['cases.get', { id }]`.
 */
import type { InvalidateQueryFilters } from '@tanstack/react-query';
import type { Change } from '../../../core/api/changes';
import type { MethodName } from '../../../core/api/contract';

/** Every method whose answer lists or counts cases (a case changing may add, drop or move a row). */
const CASE_LISTS: MethodName[] = ['cases.list', 'deadlines.summary', 'search.quick', 'persons.get', 'persons.match', 'portal.applications'];

/** The filters to invalidate for one change; `null`: everything. */
export function staleQueriesFor(c: Change): InvalidateQueryFilters[] | null {
  const methods = (...ms: MethodName[]) => ms.map((m) => ({ queryKey: [m] }));
  const oneCase = (id: number | null) => (id === null ? methods('cases.get') : [{ queryKey: ['cases.get', { id }] }, { queryKey: ['portal.caseData', { caseId: id }] }]);
  // The audit log lists every change.
  const audit = methods('audit.list');
  switch (c.kind) {
    case 'case':
      return [...audit, ...oneCase(c.caseId), ...methods(...CASE_LISTS)];
    case 'act':
      return [...audit, ...oneCase(c.caseId)];
    case 'request':
    case 'decision':
      // Both take numbers of the register of outgoing documents.
      return [...audit, ...oneCase(c.caseId), ...methods('registers.outgoing')];
    case 'person':
      // A corrected card shows on the person's cases too.
      return [...audit, ...(c.id === null ? methods('persons.get') : [{ queryKey: ['persons.get', { id: Number(c.id) }] }]), ...methods('persons.match', 'search.quick', 'cases.get')];
    case 'user':
      // A user's name or roles show in lists, filters and (for oneself) the session.
      return [...audit, ...methods('users.list', 'users.directory', 'auth.session')];
    case 'office':
      return [...audit, ...methods('auth.session', 'ref.list')];
    case 'ref':
      return [...audit, ...methods('ref.list', ...(c.id?.startsWith('office:') ? (['auth.session'] as const) : []))];
    case 'calendar':
      // Deadlines of open cases follow the calendar.
      return [...audit, ...methods('calendar.years', 'calendar.year', 'cases.get', ...CASE_LISTS)];
    case 'service':
      return [...audit, ...methods('services.list')];
    case 'provider':
      return [...audit, ...methods('providers.list')];
    case 'exchange':
      return [...audit, ...methods('exchange.status', 'portal.applications', 'portal.caseData')];
    case 'other':
      return null;
  }
}
