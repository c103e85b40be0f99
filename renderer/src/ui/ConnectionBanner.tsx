/**
 * «Нет связи с сервером управления…»: shown on every screen while the host
 * cannot be reached, with when the next attempt is and a way to try now;
 * gone once the connection is back and the screen has caught up.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { retryConnectionNow, useConnection } from '../data/live';

function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function ConnectionBanner() {
  const c = useConnection();
  const seconds = useSecondsUntil(c.state === 'offline' ? c.retryAt : null);
  if (c.state !== 'offline') return null;
  return (
    // Kept in view under the header however far the screen is scrolled.
    <Alert
      color="red"
      variant="filled"
      role="alert"
      data-testid="connection-banner"
      mb="md"
      p="sm"
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 56px) + 8px)', zIndex: 150 }}
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <div>
          <Text fw={700} size="sm">
            Нет связи с сервером управления
          </Text>
          <Text size="sm">
            Данные на экране могут быть устаревшими; сохранить изменения сейчас нельзя — введённое остаётся на экране.{' '}
            {seconds ? `Повторная попытка через ${seconds} с.` : 'Подключение…'}
          </Text>
        </div>
        <Button size="xs" variant="white" color="red" onClick={retryConnectionNow}>
          Повторить сейчас
        </Button>
      </Group>
    </Alert>
  );
}
