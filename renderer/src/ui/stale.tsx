/**
 * When a save is refused because someone else changed the record first
 * (CONFLICT with `stale`), the person is told who and when, and offered to
 * load the saved version — or, for an act, to see both versions side by
 * side first. What they typed stays in the form until they choose.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import type { StaleInfo } from '../../../core/api/errors';
import { ApiError } from '../api';

export type StaleError = ApiError & { stale: StaleInfo };

export function isStale(e: unknown): e is StaleError {
  return e instanceof ApiError && e.code === 'CONFLICT' && e.stale !== undefined;
}

export interface StaleOffer {
  error: StaleError;
  /** Replace what is on screen with the saved version. */
  reload?: () => void;
  /** Show the saved version and the one typed side by side. */
  compare?: () => void;
}

let offer: StaleOffer | null = null;
const listeners = new Set<() => void>();
const set = (o: StaleOffer | null) => {
  offer = o;
  listeners.forEach((l) => l());
};

export function showStale(o: StaleOffer): void {
  set(o);
}

export function StaleDialog() {
  const o = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => offer,
  );
  const close = () => set(null);
  return (
    <Modal opened={o !== null} onClose={close} title="Запись изменена другим пользователем" size="lg" zIndex={350}>
      {o && (
        <Stack data-testid="stale-dialog">
          <Text size="sm">{o.error.message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Вернуться к моим изменениям
            </Button>
            {o.compare && (
              <Button
                variant="light"
                onClick={() => {
                  close();
                  o.compare!();
                }}
              >
                Сравнить версии
              </Button>
            )}
            {o.reload && (
              <Button
                color="orange"
                onClick={() => {
                  close();
                  o.reload!();
                }}
              >
                Загрузить сохранённую версию
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
