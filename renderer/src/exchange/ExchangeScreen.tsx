/**
 * Exchange with the central portal (#/exchange): connection status, «Обменяться
 * сейчас», the connection settings (admin), the file exchange for offices
 * without a connection, the quarantine of inbound events and the history.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  FileButton,
  Group,
  List,
  Loader,
  NumberInput,
  PasswordInput,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import type { Out } from '../../../core/api/contract';
import { EXCHANGE_NOT_CONFIGURED } from '../../../core/api/exchange';
import { formatRuDateTime } from '../../../core/domain/dates';
import { ApiError, errorMessage } from '../api';
import { useApi, useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { ErrorState } from '../ui/ErrorState';
import { notifyError, notifyOk, submitToApi } from '../ui/forms';
import { Page } from '../ui/Page';

type Status = Out<'exchange.status'>;
type SyncReport = Out<'exchange.syncNow'>;
type ImportResult = Out<'exchange.importPackage'>;

export const EVENT_TYPE_LABELS: Record<string, string> = {
  'application.submitted': 'Заявление с портала',
  'contract.status': 'Статус договора',
  'services.delivered': 'Оказанные услуги',
  'services.act_signed': 'Акт подписан',
  'reference.providers': 'Справочник поставщиков',
  'reference.services': 'Справочник услуг',
  'reference.calendar': 'Производственный календарь',
  'application.registered': 'Заявление зарегистрировано',
  'application.status': 'Статус заявления',
  'ippsu.signed': 'ИППСУ подписана',
  'refusal.signed': 'Отказ подписан',
  'result.issued': 'Результат выдан',
};

const KIND_LABELS: Record<string, string> = { sync: 'Обмен по сети', export: 'Выгрузка пакета', import: 'Загрузка пакета' };
const OUTCOME: Record<string, { label: string; color: string }> = {
  ok: { label: 'Успешно', color: 'green' },
  error: { label: 'Ошибка', color: 'red' },
  running: { label: 'Идёт', color: 'blue' },
};

const dt = (v: string | null | undefined) => formatRuDateTime(v) || '—';

function StatusRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={230} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

export function ExchangeScreen() {
  const { hasRole } = useSession();
  const isAdmin = hasRole('admin');
  const canRetry = hasRole('admin', 'specialist');
  // Packages carry personal data on removable media: the backend lets only these roles export or import them.
  const canPackages = hasRole('admin', 'exchange');
  const sync = useApiMutation('exchange.syncNow');
  const exporter = useApiMutation('exchange.exportPackage');
  const importer = useApiMutation('exchange.importPackage');
  const retrier = useApiMutation('exchange.retryQuarantined');
  // While a session runs (ours or the scheduled one) the status is re-read every 3 s: the exchange's own progress is not in the change feed.
  const statusQuery = useApi('exchange.status', {}, { refetchInterval: (q) => (sync.isPending || q.state.data?.running ? 3000 : false) });
  const status: Status | null = statusQuery.data ?? null;
  const error = statusQuery.error ? errorMessage(statusQuery.error) : null;
  const load = () => void statusQuery.refetch();
  const [report, setReport] = useState<SyncReport | null>(null);
  const [imported, setImported] = useState<{ fileName: string; result?: ImportResult; error?: string } | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const syncing = sync.isPending;
  const running = syncing || (status?.running ?? false);
  const exporting = exporter.isPending;
  const importing = importer.isPending;

  const syncNow = async () => {
    setReport(null);
    try {
      setReport(await sync.mutateAsync({}));
    } catch (e) {
      notifyError(e);
    } finally {
      load();
    }
  };

  const exportPackage = async () => {
    try {
      const p = await exporter.mutateAsync({});
      const url = URL.createObjectURL(new Blob([p.text], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = p.fileName;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      notifyOk(`Пакет выгружен: событий ${p.count}`);
    } catch (e) {
      notifyError(e);
    } finally {
      load();
    }
  };

  const importPackage = async (file: File | null) => {
    if (!file) return;
    setImported(null);
    try {
      const text = await file.text();
      const result = await importer.mutateAsync({ fileName: file.name, text });
      setImported({ fileName: file.name, result });
    } catch (e) {
      setImported({ fileName: file.name, error: errorMessage(e) });
    } finally {
      load();
    }
  };

  const retry = async (eventId: string) => {
    setRetrying(eventId);
    try {
      const r = await retrier.mutateAsync({ eventId });
      if (r.status === 'quarantined') notifyError(new ApiError('VALIDATION', r.reason ?? 'Событие снова отложено в карантин'));
      else notifyOk(r.status === 'applied' ? 'Событие применено' : 'Событие уже было применено');
    } catch (e) {
      notifyError(e);
    } finally {
      setRetrying(null);
      load();
    }
  };

  if (error && !status) return <ErrorState message={error} />;
  if (!status) {
    return (
      <Center p="xl">
        <Loader aria-label="Загрузка" />
      </Center>
    );
  }

  return (
    <Page title="Обмен с порталом">
      <Card withBorder data-testid="exchange-status">
        <Stack gap="xs">
          {!status.configured && (
            <Alert color="gray" variant="light" data-testid="exchange-not-configured">
              <Text size="sm">{EXCHANGE_NOT_CONFIGURED}</Text>
            </Alert>
          )}
          <StatusRow label="Адрес портала">{status.portalUrl || <Text span c="dimmed" size="sm">не задан</Text>}</StatusRow>
          <StatusRow label="Последний успешный обмен">{dt(status.lastSuccess)}</StatusRow>
          <StatusRow label="Последняя попытка">{dt(status.lastAttempt)}</StatusRow>
          <StatusRow label="Следующий обмен">{status.configured ? dt(status.nextRunAt) : '—'}</StatusRow>
          <StatusRow label="Ожидают отправки">
            <span data-testid="pending-outbound">{status.pendingOutbound}</span>
          </StatusRow>
          {status.configured && status.lastErrors.length > 0 && (
            <StatusRow label="Ошибки последнего обмена">
              <List size="sm" c="red" data-testid="exchange-errors">
                {status.lastErrors.map((e, i) => (
                  <List.Item key={i}>{e}</List.Item>
                ))}
              </List>
            </StatusRow>
          )}
          {status.configured && (
            <Group mt="sm" align="center">
              <Button size="lg" onClick={() => void syncNow()} loading={syncing} disabled={running && !syncing} data-testid="sync-now">
                Обменяться сейчас
              </Button>
              {running && (
                <Group gap="xs">
                  <Loader size="sm" />
                  <Text size="sm" c="dimmed">
                    Идёт обмен…
                  </Text>
                </Group>
              )}
            </Group>
          )}
          {running && <Progress value={100} animated striped aria-label="Идёт обмен" />}
          {report && (
            <Alert color={report.ok ? 'green' : 'red'} variant="light" data-testid="sync-report" title={report.ok ? 'Обмен выполнен' : 'Обмен завершён с ошибками'}>
              <Text size="sm">
                Отправлено {report.pushed}, получено {report.pulled}, в карантине {report.quarantined}
              </Text>
              {report.errors.length > 0 && (
                <List size="sm" c="red" mt={4}>
                  {report.errors.map((e, i) => (
                    <List.Item key={i}>{e}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
        </Stack>
      </Card>

      {isAdmin && <SettingsCard status={status} onSaved={load} />}

      <Card withBorder>
        <Stack gap="sm">
          <Title order={4}>Файловый обмен (без связи)</Title>
          <Text size="sm" c="dimmed">
            Если связи с порталом нет: выгрузите пакет неотправленных событий на съёмный носитель и передайте на портал; пакет
            портала загрузите здесь. Пакет проверяется целиком и при ошибке не применяется.
          </Text>
          {canPackages ? (
            <Group>
              <Button variant="default" onClick={() => void exportPackage()} loading={exporting}>
                Выгрузить пакет
              </Button>
              <FileButton onChange={(f) => void importPackage(f)} accept="application/json,.json">
                {(props) => (
                  <Button variant="default" loading={importing} {...props}>
                    Загрузить пакет портала
                  </Button>
                )}
              </FileButton>
            </Group>
          ) : (
            <Text size="sm" data-testid="packages-not-allowed">
              Выгружать и загружать пакеты может администратор или сотрудник с правом «Обмен».
            </Text>
          )}
          {imported?.result && (
            <Alert color={imported.result.quarantined ? 'yellow' : 'green'} variant="light" data-testid="import-result" title={`Пакет загружен: ${imported.fileName}`}>
              <Text size="sm">
                Событий: {imported.result.count}, применено: {imported.result.applied}, повторных: {imported.result.duplicates}, в карантине:{' '}
                {imported.result.quarantined}
              </Text>
              {imported.result.quarantineReasons.length > 0 && (
                <List size="sm" mt={4}>
                  {imported.result.quarantineReasons.map((r, i) => (
                    <List.Item key={i}>{r}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          {imported?.error && (
            <Alert color="red" variant="light" data-testid="import-result" title={`Пакет не загружен: ${imported.fileName}`}>
              <Text size="sm">{imported.error}</Text>
            </Alert>
          )}
        </Stack>
      </Card>

      <Card withBorder data-testid="exchange-quarantine">
        <Stack gap="sm">
          <Title order={4}>Карантин</Title>
          {status.quarantine.length === 0 ? (
            <Text size="sm" c="dimmed">
              Отложенных событий нет.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Тип</Table.Th>
                    <Table.Th>Получено</Table.Th>
                    <Table.Th>Причина</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {status.quarantine.map((q) => (
                    <Table.Tr key={q.id} data-testid={`quarantine-${q.id}`}>
                      <Table.Td>
                        {EVENT_TYPE_LABELS[q.type] ?? q.type}
                        <Text size="xs" c="dimmed">
                          {q.via === 'package' ? 'из пакета' : 'по сети'}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{dt(q.receivedAt)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c="red">
                          {q.error ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {canRetry && (
                          <Button size="xs" variant="default" loading={retrying === q.id} onClick={() => void retry(q.id)}>
                            Повторить
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>

      <Card withBorder data-testid="exchange-history">
        <Stack gap="sm">
          <Title order={4}>История обменов</Title>
          {status.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              Обменов ещё не было.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Вид</Table.Th>
                    <Table.Th>Начало</Table.Th>
                    <Table.Th>Окончание</Table.Th>
                    <Table.Th>Отправлено</Table.Th>
                    <Table.Th>Получено</Table.Th>
                    <Table.Th>В карантине</Table.Th>
                    <Table.Th>Результат</Table.Th>
                    <Table.Th>Ошибка</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {status.history.map((h, i) => {
                    const o = OUTCOME[h.outcome] ?? { label: h.outcome, color: 'gray' };
                    return (
                      <Table.Tr key={i}>
                        <Table.Td>{KIND_LABELS[h.kind] ?? h.kind}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{dt(h.startedAt)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{dt(h.finishedAt)}</Table.Td>
                        <Table.Td>{h.pushed}</Table.Td>
                        <Table.Td>{h.pulled}</Table.Td>
                        <Table.Td>{h.quarantined}</Table.Td>
                        <Table.Td>
                          <Badge color={o.color} variant="light" tt="none">
                            {o.label}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="red">
                            {h.error ?? ''}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>
    </Page>
  );
}

function SettingsCard({ status, onSaved }: { status: Status; onSaved: () => void }) {
  const saveSettings = useApiMutation('exchange.saveSettings');
  const saving = saveSettings.isPending;
  const form = useForm({
    initialValues: { portalUrl: status.portalUrl ?? '', officeSecret: '', intervalMinutes: status.intervalMinutes as number | string },
  });
  const save = form.onSubmit(async (v) => {
    const ok = await submitToApi(form, () =>
      saveSettings.mutateAsync({ portalUrl: v.portalUrl, officeSecret: v.officeSecret, intervalMinutes: Number(v.intervalMinutes) }),
    );
    if (ok) {
      notifyOk('Настройки обмена сохранены');
      form.setFieldValue('officeSecret', '');
      onSaved();
    }
  });
  return (
    <Card withBorder data-testid="exchange-settings">
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <Title order={4}>Настройки подключения</Title>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <TextInput label="Адрес портала" placeholder="https://…" autoComplete="off" {...form.getInputProps('portalUrl')} />
            <PasswordInput
              label="Секрет управления"
              description={status.secretSet ? 'Задан; оставьте пустым, чтобы не менять' : 'Не задан'}
              placeholder="оставьте пустым, чтобы не менять"
              autoComplete="new-password"
              {...form.getInputProps('officeSecret')}
            />
            <NumberInput label="Интервал обмена, минут" min={1} max={1440} allowDecimal={false} allowNegative={false} {...form.getInputProps('intervalMinutes')} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={saving}>
              Сохранить настройки
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
