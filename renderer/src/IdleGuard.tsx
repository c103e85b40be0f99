/**
 * The office's idle limit on this workstation. The host ends a session after
 * the limit without activity; this window tells the host when the user is at
 * the keyboard or mouse (at most every 30 seconds), warns before the limit
 * with a countdown and «Продолжить работу», and at the limit signs out.
 * Only durations are measured here, on this computer's clock, so its
 * difference from the host's clock does not matter.
 */
import { Button, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';

const PING_EVERY_MS = 30_000;
const ACTIVITY = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;

/** The warning shows this long before the limit: two minutes, less for short limits. */
export function warningMs(idleMinutes: number): number {
  return Math.min(120_000, (idleMinutes * 60_000) / 5);
}

function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function IdleGuard({ onExpired }: { onExpired: () => void }) {
  const [left, setLeft] = useState<number | null>(null);
  const deadline = useRef<number | null>(null);
  const warnFor = useRef(120_000);
  const lastPing = useRef(0);
  const expired = useRef(false);

  const ping = useCallback(async () => {
    lastPing.current = Date.now();
    try {
      const k = await api['auth.keepAlive']({});
      deadline.current = lastPing.current + k.idleMinutes * 60_000;
      warnFor.current = warningMs(k.idleMinutes);
      setLeft(null);
    } catch {
      // Signed out meanwhile: the API client shows the sign-in screen.
    }
  }, []);

  useEffect(() => {
    // The first keep-alive learns the office's limit; from a timer, like every later one.
    const first = window.setTimeout(() => void ping(), 0);
    const onActivity = () => {
      if (Date.now() - lastPing.current >= PING_EVERY_MS) void ping();
    };
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (deadline.current === null || expired.current) return;
      const remaining = deadline.current - Date.now();
      if (remaining <= 0) {
        expired.current = true;
        void api['auth.logout']({}).catch(() => undefined).finally(onExpired);
      } else setLeft(remaining <= warnFor.current ? remaining : null);
    }, 1000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity, { capture: true });
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [ping, onExpired]);

  return (
    <Modal opened={left !== null} onClose={() => void ping()} title="Сеанс скоро будет завершён" centered withCloseButton={false}>
      <Stack>
        <Text>
          Вы давно не работали в программе. Через <b>{mmss(left ?? 0)}</b> сеанс будет завершён, несохранённые данные будут потеряны.
        </Text>
        <Button onClick={() => void ping()} data-autofocus>
          Продолжить работу
        </Button>
      </Stack>
    </Modal>
  );
}
