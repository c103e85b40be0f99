/**
 * Decides what to show: in the desktop app on first start, where the register
 * is; then first-run setup, sign-in, or the application (its screens under
 * the router), with the idle-session guard.
 */
import { Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo } from 'react';
import type { SessionView } from '../../core/api/contract';
import { api, errorMessage, setUnauthenticatedHandler, transport } from './api';
import { syncHostClock } from './clock';
import { ConnectionScreen } from './connection/ConnectionScreen';
import { homeOf } from './control/home';
import { startLiveUpdates } from './data/live';
import { apiQuery, useApi } from './data/queries';
import { IdleGuard } from './IdleGuard';
import { router } from './router';
import { RecoveryScreen } from './screens/RecoveryScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SessionContext, type SessionState } from './session';
import { ErrorState } from './ui/ErrorState';

/** Queries that belong to no user: kept across sign-out. */
const PUBLIC_QUERIES = new Set(['shell-connection', 'host-clock', 'setup.status', 'auth.session']);

export function App() {
  const qc = useQueryClient();
  // The desktop app on first start: where is the register? (Browser mode has no shell: the host served this page.)
  const shell = window.shell;
  const connection = useQuery({
    queryKey: ['shell-connection'],
    queryFn: async () => (shell ? (await shell.connection()).configured : true),
    staleTime: Infinity,
    retry: false,
  });
  const connected = connection.data === true;
  // «Now» comes from the host: read its clock first, and again every 10 minutes (the workstation's may drift).
  const clock = useQuery({
    enabled: connected,
    queryKey: ['host-clock'],
    queryFn: async () => {
      await syncHostClock(() => api['host.clock']({}));
      return true;
    },
    staleTime: 600_000,
    refetchInterval: 600_000,
    retry: false,
  });
  const status = useApi('setup.status', {}, { enabled: clock.isFetched, staleTime: Infinity });
  const initialized = status.data?.initialized === true;
  const session = useApi('auth.session', {}, { enabled: initialized });

  const setSession = useCallback(
    (s: SessionView | null) => {
      if (!s) {
        // Nothing the previous user saw stays in memory.
        qc.removeQueries({ predicate: (q) => !PUBLIC_QUERIES.has(String(q.queryKey[0])) });
      }
      qc.setQueryData(apiQuery('setup.status', {}).queryKey, (st) => (st ? { ...st, initialized: true } : st));
      qc.setQueryData(apiQuery('auth.session', {}).queryKey, s);
    },
    [qc],
  );

  const signedIn = session.data != null;
  // A sign-in opens the user's home, never the screen the previous user left (a reload keeps its screen).
  const signIn = (s: SessionView) => {
    // The address first (synchronously, in the history), then the screens; the router, not mounted while
    // nobody was signed in, reads the address again (an address opened right after sign-in wins).
    router.history.replace(homeOf(s.user.roles));
    setSession(s);
    void router.load();
  };
  useEffect(() => {
    setUnauthenticatedHandler(() => setSession(null));
    if (!signedIn) return;
    return startLiveUpdates(qc, transport().changes, () => setSession(null));
  }, [signedIn, qc, setSession]);

  const data = session.data;
  const state = useMemo<SessionState | null>(
    () => (data ? { session: data, setSession, hasRole: (...roles) => roles.some((r) => data.user.roles.includes(r)) } : null),
    [data, setSession],
  );

  const loading = (
    <Center h="100vh">
      <Loader aria-label="Загрузка" />
    </Center>
  );
  const retry = () => {
    void clock.refetch();
    void status.refetch();
    if (initialized) void session.refetch();
  };

  const idleExpired = () => {
    setSession(null);
    notifications.show({ color: 'orange', title: 'Сеанс завершён', message: 'Сеанс завершён из-за бездействия. Войдите снова.', autoClose: false });
  };

  if (connection.data === false && shell) return <ConnectionScreen shell={shell} onDone={() => void connection.refetch()} />;
  if (status.error?.code === 'DATABASE_DAMAGED') return <RecoveryScreen reason={status.error.message} onDone={retry} />;
  if (status.error) return <ErrorState message={errorMessage(status.error)} onRetry={retry} />;
  if (!status.data) return loading;
  if (!status.data.initialized) return <SetupScreen offices={status.data.offices} onDone={signIn} />;
  if (session.error && session.data === undefined) return <ErrorState message={errorMessage(session.error)} onRetry={retry} />;
  if (session.data === undefined) return loading;
  if (!state) return <LoginScreen onDone={signIn} />;
  return (
    <SessionContext.Provider value={state}>
      <RouterProvider router={router} />
      <IdleGuard onExpired={idleExpired} />
    </SessionContext.Provider>
  );
}
