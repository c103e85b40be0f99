/**
 * «Сеансы и подключение»: who is signed in at which workstation, since when,
 * last activity, with «Завершить сеанс»; the office's idle limit; and how
 * workstations reach this host, with the code of its certificate to compare
 * when a workstation connects.
 */
import { Alert, Badge, Button, Center, Code, Group, Loader, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Out } from '../../../core/api/contract';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, type HostInfoView, type SessionRow } from '../../../core/api/sessions';
import { formatRuDateTime } from '../../../core/domain/dates';
import { api, errorMessage } from '../api';
import { ErrorState } from '../ui/ErrorState';
import { notifyError, notifyOk } from '../ui/forms';
import { Page } from '../ui/Page';

function workstationLabel(s: SessionRow): string {
  const where = s.source === 'local' ? 'этот компьютер' : s.source;
  return s.workstation ? `${s.workstation} (${where})` : where;
}

function HostPanel({ info }: { info: HostInfoView }) {
  if (!info.certificate) {
    return (
      <Paper withBorder p="md">
        <Title order={4}>Подключение рабочих мест</Title>
        <Text size="sm" mt="xs">
          Журнал хранится на этом компьютере и доступен только на нём. Чтобы подключить другие рабочие места управления, запустите сервер Socdesk для сети (см. руководство).
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>Подключение рабочих мест</Title>
        <Text size="sm">Адреса этого сервера для других рабочих мест:</Text>
        {info.urls.length ? (
          <Group gap="xs">
            {info.urls.map((u) => (
              <Code key={u}>{u}</Code>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            сервер слушает только на этом компьютере
          </Text>
        )}
        <Text size="sm">
          Код сертификата — сверьте его с кодом, который покажет рабочее место при подключении:
        </Text>
        <Text fz={28} fw={700} ff="monospace" data-testid="certificate-code" aria-label="Код сертификата">
          {info.certificate.code}
        </Text>
        <Text size="xs" c="dimmed">
          SHA-256: {info.certificate.sha256}. {info.certificate.selfSigned ? 'Сертификат создан сервером.' : 'Сертификат выпущен удостоверяющим центром учреждения.'} Действует до{' '}
          {formatRuDateTime(info.certificate.validTo)}.
        </Text>
      </Stack>
    </Paper>
  );
}

export function SessionsScreen() {
  const [data, setData] = useState<Out<'sessions.list'> | null>(null);
  const [host, setHost] = useState<HostInfoView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [idle, setIdle] = useState<number | string>('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [s, h] = await Promise.all([api['sessions.list']({}), api['host.info']({})]);
      setData(s);
      setHost(h);
      setIdle(s.idleMinutes);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const end = async (s: SessionRow) => {
    try {
      await api['sessions.end']({ id: s.id });
      notifyOk(`Сеанс пользователя ${s.fullName} завершён`);
      await load();
    } catch (e) {
      notifyError(e);
    }
  };

  const saveIdle = async () => {
    setBusy(true);
    try {
      await api['sessions.saveSettings']({ idleMinutes: Number(idle) });
      notifyOk('Время бездействия сохранено');
      await load();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorState message={error} onRetry={load} />;
  if (!data || !host) {
    return (
      <Center p="xl">
        <Loader aria-label="Загрузка" />
      </Center>
    );
  }
  return (
    <Page title="Сеансы и подключение" actions={<Button variant="light" onClick={load}>Обновить</Button>}>
      <HostPanel info={host} />
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm">
          <NumberInput
            label="Завершать сеанс после бездействия, минут"
            description="Перед завершением пользователь увидит предупреждение"
            min={IDLE_MINUTES_MIN}
            max={IDLE_MINUTES_MAX}
            allowDecimal={false}
            value={idle}
            onChange={setIdle}
            w={360}
          />
          <Button onClick={saveIdle} loading={busy}>
            Сохранить
          </Button>
        </Group>
      </Paper>
      {data.rows.length === 0 ? (
        <Alert color="gray">Активных сеансов нет.</Alert>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Активные сеансы">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Пользователь</Table.Th>
                <Table.Th>Рабочее место</Table.Th>
                <Table.Th>Вход</Table.Th>
                <Table.Th>Последняя активность</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.fullName}{' '}
                    {s.current && (
                      <Badge size="sm" variant="light">
                        вы
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{workstationLabel(s)}</Table.Td>
                  <Table.Td>{formatRuDateTime(s.createdAt)}</Table.Td>
                  <Table.Td>{formatRuDateTime(s.lastActivityAt)}</Table.Td>
                  <Table.Td>
                    {!s.current && (
                      <Button size="xs" variant="light" color="red" onClick={() => end(s)} aria-label={`Завершить сеанс: ${s.fullName}`}>
                        Завершить сеанс
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
