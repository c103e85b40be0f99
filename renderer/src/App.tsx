/** Decides what to show: first-run setup, sign-in, or the application. */
import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionView } from '../../core/api/contract';
import { api, errorMessage, setUnauthenticatedHandler } from './api';
import { AppLayout } from './AppLayout';
import { syncHostClock } from './clock';
import { ConnectionScreen } from './connection/ConnectionScreen';
import { IdleGuard } from './IdleGuard';
import { notifications } from '@mantine/notifications';
import type { ShellBridge } from '../../core/api/shell';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SessionContext, type SessionState } from './session';
import { ErrorState } from './ui/ErrorState';

type Boot =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'connect'; shell: ShellBridge }
  | { phase: 'setup'; offices: { code: string; name: string; territory: string }[] }
  | { phase: 'login' }
  | { phase: 'ready'; session: SessionView };

export function App() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });

  const load = useCallback(async () => {
    try {
      // The desktop app on first start: where is the register?
      if (window.shell && !(await window.shell.connection()).configured) return setBoot({ phase: 'connect', shell: window.shell });
      await syncHostClock(() => api['host.clock']({}));
      const status = await api['setup.status']({});
      if (!status.initialized) return setBoot({ phase: 'setup', offices: status.offices });
      const session = await api['auth.session']({});
      setBoot(session ? { phase: 'ready', session } : { phase: 'login' });
    } catch (e) {
      setBoot({ phase: 'error', message: errorMessage(e) });
    }
  }, []);

  useEffect(() => {
    void load();
    setUnauthenticatedHandler(() => setBoot({ phase: 'login' }));
    // The workstation's clock may drift or be changed: re-read the host's every 10 minutes.
    const timer = setInterval(() => void syncHostClock(() => api['host.clock']({})).catch(() => {}), 600_000);
    return () => clearInterval(timer);
  }, [load]);

  const setSession = useCallback((s: SessionView | null) => setBoot(s ? { phase: 'ready', session: s } : { phase: 'login' }), []);
  const idleExpired = useCallback(() => {
    setBoot({ phase: 'login' });
    notifications.show({ color: 'orange', title: 'Сеанс завершён', message: 'Сеанс завершён из-за бездействия. Войдите снова.', autoClose: false });
  }, []);

  const state = useMemo<SessionState | null>(
    () =>
      boot.phase === 'ready'
        ? { session: boot.session, setSession, hasRole: (...roles) => roles.some((r) => boot.session.user.roles.includes(r)) }
        : null,
    [boot, setSession],
  );

  switch (boot.phase) {
    case 'loading':
      return (
        <Center h="100vh">
          <Loader aria-label="Загрузка" />
        </Center>
      );
    case 'error':
      return <ErrorState message={boot.message} onRetry={load} />;
    case 'connect':
      return <ConnectionScreen shell={boot.shell} onDone={load} />;
    case 'setup':
      return <SetupScreen offices={boot.offices} onDone={setSession} />;
    case 'login':
      return <LoginScreen onDone={setSession} />;
    case 'ready':
      return (
        <SessionContext.Provider value={state}>
          <AppLayout />
          <IdleGuard onExpired={idleExpired} />
        </SessionContext.Provider>
      );
  }
}
