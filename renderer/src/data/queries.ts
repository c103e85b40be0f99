/**
 * The data layer: TanStack Query over the typed API. One query per method
 * and input (key `[method, input]`); the host's change notifications mark
 * them stale (invalidate.ts, live.ts); writes go through `useApiMutation`,
 * which puts the case view a write returns into the cache at once.
 */
import { QueryClient, queryOptions, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { In, MethodName, Out } from '../../../core/api/contract';
import type { CaseView } from '../../../core/api/reception';
import { api, ApiError } from '../api';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Fresh until a notification says otherwise; re-read after a while anyway (the date moves on at midnight).
        staleTime: 60_000,
        gcTime: 30 * 60_000,
        refetchOnWindowFocus: false,
        // A refusal (validation, not found, forbidden) is an answer, not a failure to retry; a lost host is retried.
        retry: (n, e) => (e instanceof ApiError && e.code !== 'UNAVAILABLE' ? false : n < 3),
      },
      mutations: {
        // A write is tried now or refused with a message, never queued for later.
        networkMode: 'always',
        retry: false,
      },
    },
  });
}

export type ApiKey<M extends MethodName> = readonly [M, In<M>];

/** The query of one API read. */
export function apiQuery<M extends MethodName>(method: M, input: In<M>) {
  return queryOptions({
    queryKey: [method, input] as ApiKey<M>,
    queryFn: () => api[method](input) as Promise<Out<M>>,
  });
}

type QueryExtras<M extends MethodName, T> = Omit<UseQueryOptions<Out<M>, ApiError, T, ApiKey<M>>, 'queryKey' | 'queryFn'>;

/** Reads `method(input)` through the cache. */
export function useApi<M extends MethodName, T = Out<M>>(method: M, input: In<M>, options?: QueryExtras<M, T>) {
  return useQuery<Out<M>, ApiError, T, ApiKey<M>>({ queryKey: [method, input] as ApiKey<M>, queryFn: () => api[method](input) as Promise<Out<M>>, ...options });
}

/** Writes that answer with the case as it now is. */
const CASE_WRITES = new Set<MethodName>([
  'cases.register',
  'cases.annul',
  'requests.send',
  'requests.sendAll',
  'requests.answer',
  'acts.save',
  'cases.completeDocuments',
  'decisions.save',
  'decisions.sign',
  'cases.issue',
  'cases.withdraw',
  'cases.assign',
  'signoff.submit',
  'signoff.return',
]);

/** Lists a write makes stale at once (the change notification would too, a moment later). */
const WRITE_STALES: Partial<Record<MethodName, MethodName[]>> = {
  'users.create': ['users.list', 'users.directory'],
  'backups.create': ['backups.status'],
  'backups.verify': ['backups.status'],
  'users.update': ['users.list', 'users.directory', 'auth.session'],
  'users.unlock': ['users.list'],
  'users.resetPassword': ['users.list'],
  'ref.update': ['ref.list', 'auth.session'],
  'calendar.saveYear': ['calendar.years', 'calendar.year'],
  'services.save': ['services.list'],
  'providers.save': ['providers.list'],
  'persons.update': ['persons.get', 'cases.get', 'search.quick'],
  'requests.send': ['registers.outgoing'],
  'acts.save': ['acts.suggestions'],
  'requests.sendAll': ['registers.outgoing'],
  'registers.setOutgoing': ['registers.outgoing'],
  'office.update': ['auth.session'],
  'sessions.end': ['sessions.list'],
  'sessions.saveSettings': ['sessions.list'],
  'exchange.saveSettings': ['exchange.status'],
  'exchange.retryQuarantined': ['exchange.status'],
  'exchange.importPackage': ['exchange.status'],
  'exchange.syncNow': ['exchange.status', 'portal.applications'],
  'signoff.submit': ['signoff.queue', 'control.myCases', 'notifications.counts'],
  'signoff.return': ['signoff.queue', 'control.myCases', 'notifications.counts'],
  'decisions.sign': ['signoff.queue', 'control.myCases', 'notifications.counts', 'registers.outgoing'],
  'cases.assign': ['cases.list', 'control.myCases', 'control.dashboard', 'notifications.counts'],
  'complaints.register': ['complaints.list', 'complaints.get', 'notifications.counts', 'control.dashboard'],
  'complaints.update': ['complaints.list', 'complaints.get'],
  'complaints.forward': ['complaints.list', 'complaints.get', 'notifications.counts'],
  'complaints.decide': ['complaints.list', 'complaints.get', 'notifications.counts'],
  'complaints.recordAnswer': ['complaints.list', 'complaints.get', 'notifications.counts'],
  'complaints.recordRemedy': ['complaints.list', 'complaints.get', 'notifications.counts'],
  'terms.save': ['terms.list'],
  'persons.recordChange': ['persons.changes', 'ippsu.reviews'],
  'notifications.markRead': ['notifications.list', 'notifications.counts'],
};

/** A write through the API: its result goes into the cache (a case view, the backup status), the lists it changes are re-read. */
export function useApiMutation<M extends MethodName>(method: M) {
  const qc = useQueryClient();
  return useMutation<Out<M>, ApiError, In<M>>({
    mutationKey: [method],
    mutationFn: (input) => api[method](input) as Promise<Out<M>>,
    onSuccess: (data) => {
      if (CASE_WRITES.has(method)) {
        const c = data as CaseView;
        qc.setQueryData(apiQuery('cases.get', { id: c.id }).queryKey, c);
      }
      // The backup settings answer with the whole status: shown at once (the button «Создать копию сейчас» needs the passphrase known).
      if (method === 'backups.saveSettings') qc.setQueryData(apiQuery('backups.status', {}).queryKey, data as Out<'backups.status'>);
      for (const m of WRITE_STALES[method] ?? []) void qc.invalidateQueries({ queryKey: [m] });
    },
  });
}

/** The renderer's one cache. */
export const queryClient = createQueryClient();
