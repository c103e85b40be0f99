/**
 * «Сеансы и подключение»: who is signed in at which workstation, since when,
 * last activity, with «Завершить сеанс»; the office's idle limit; and how
 * workstations reach this host, with the code of its certificate to compare
 * when a workstation connects.
 */
import { Alert, Badge, Button, Center, Code, Group, Loader, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useApi, useApiMutation } from '../data/queries';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, type HostInfoView, type SessionRow } from '../../../core/api/sessions';
import { formatRuDateTime } from '../../../core/domain/dates';
import { errorMessage } from '../api';
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
  const sessions = useApi('sessions.list', {});
  const hostInfo = useApi('host.info', {});
  const endSession = useApiMutation('sessions.end');
  const saveSettings = useApiMutation('sessions.saveSettings');
  const [idleEdit, setIdle] = useState<number | string | null>(null);
  const data = sessions.data;
  const host = hostInfo.data;
  const idle = idleEdit ?? data?.idleMinutes ?? '';
  const error = sessions.error ?? hostInfo.error;
  const load = () => {
    void sessions.refetch();
    void hostInfo.refetch();
  };

  const end = async (s: SessionRow) => {
    try {
      await endSession.mutateAsync({ id: s.id });
      notifyOk(`Сеанс пользователя ${s.fullName} завершён`);
    } catch (e) {
      notifyError(e);
    }
  };

  const saveIdle = async () => {
    try {
      await saveSettings.mutateAsync({ idleMinutes: Number(idle) });
      setIdle(null);
      notifyOk('Время бездействия сохранено');
    } catch (e) {
      notifyError(e);
    }
  };

  if (error) return <ErrorState message={errorMessage(error)} onRetry={load} />;
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
          <Button onClick={saveIdle} loading={saveSettings.isPending}>
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
