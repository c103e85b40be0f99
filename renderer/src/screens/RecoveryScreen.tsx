/**
 * The database could not be opened at start: what happened, and the offer to
 * restore the last verified backup (only on the host computer itself; the
 * damaged file is kept).
 */
import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatRuDateTime } from '../../../core/domain/dates';
import { errorMessage } from '../api';
import { useApi, useApiMutation } from '../data/queries';

export function RecoveryScreen({ reason, onDone }: { reason: string; onDone: () => void }) {
  const status = useApi('recovery.status', {});
  const restore = useApiMutation('recovery.restore');
  const [asked, setAsked] = useState(false);
  const last = status.data?.lastVerified ?? null;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" maw={640} w="100%">
        <Stack>
          <Title order={2}>База данных не открывается</Title>
          <Alert color="red">{reason}</Alert>
          <Text>Работа с журналом невозможна, пока база данных не восстановлена. Повреждённый файл не удаляется: при восстановлении он сохраняется рядом для проверки.</Text>
          {status.isPending ? (
            <Text c="dimmed">Поиск резервных копий…</Text>
          ) : last ? (
            <Text>
              Последняя проверенная резервная копия: <b>{formatRuDateTime(last.createdAt)}</b>, обращений: {last.counts.cases ?? 0}. Сведения, внесённые после этого времени, придётся внести заново.
            </Text>
          ) : (
            <Alert color="orange">Проверенных резервных копий в папке по умолчанию нет. Обратитесь к администратору: копию из другой папки восстанавливают командой восстановления на сервере (см. руководство администратора).</Alert>
          )}
          {restore.error && <Alert color="red">{errorMessage(restore.error)}</Alert>}
          {restore.isSuccess ? (
            <Group>
              <Text c="green">База данных восстановлена.</Text>
              <Button onClick={onDone}>Продолжить</Button>
            </Group>
          ) : asked ? (
            <Group>
              <Text fw={600}>Восстановить базу данных из этой копии?</Text>
              <Button color="red" loading={restore.isPending} onClick={() => restore.mutate({ confirm: true })}>
                Да, восстановить
              </Button>
              <Button variant="default" onClick={() => setAsked(false)}>
                Отмена
              </Button>
            </Group>
          ) : (
            <Group>
              <Button disabled={!last} onClick={() => setAsked(true)}>
                Восстановить из последней копии
              </Button>
              <Button variant="default" onClick={onDone}>
                Проверить ещё раз
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
