/**
 * Backups: the last verified copy (prominent), the list with sizes and counts,
 * a copy now, settings (folder, daily hour, retention, passphrase) and restore
 * from a chosen copy after a confirmation.
 */
import { Alert, Badge, Button, Group, Modal, NumberInput, PasswordInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Out } from '../../../core/api/contract';
import { formatRuDateTime } from '../../../core/domain/dates';
import { errorMessage } from '../api';
import { useApi, useApiMutation } from '../data/queries';
import { ErrorState } from '../ui/ErrorState';
import { Page } from '../ui/Page';

type Status = Out<'backups.status'>;
type Backup = Status['backups'][number];

const KIND_LABELS: Record<Backup['kind'], string> = {
  scheduled: 'по расписанию',
  manual: 'вручную',
  'before-restore': 'перед восстановлением',
  command: 'из командной строки',
};

export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} КБ`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
  return `${(n / 1024 ** 3).toFixed(2).replace('.', ',')} ГБ`;
}

function SettingsForm({ status }: { status: Status }) {
  const save = useApiMutation('backups.saveSettings');
  const [folder, setFolder] = useState(status.settings.folder ?? '');
  const [hour, setHour] = useState<number>(status.settings.hour);
  const [keepDaily, setKeepDaily] = useState<number>(status.settings.keepDaily);
  const [keepMonthly, setKeepMonthly] = useState<number>(status.settings.keepMonthly);
  const [passphrase, setPassphrase] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = () => {
    setSaved(false);
    save.mutate(
      { folder: folder.trim() || null, hour, keepDaily, keepMonthly, passphrase: passphrase || undefined },
      {
        onSuccess: () => {
          setPassphrase('');
          setSaved(true);
        },
      },
    );
  };
  return (
    <Stack gap="xs">
      <Title order={4}>Настройки</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <TextInput label="Папка резервных копий" description={
            <>
              Пусто — папка данных программы (сейчас: <span data-latin-ok>{status.folder}</span>)
            </>
          } value={folder} onChange={(e) => setFolder(e.currentTarget.value)} />
        <PasswordInput
          label={status.passphraseSet ? 'Новый пароль резервных копий' : 'Пароль резервных копий'}
          description="Не короче 10 знаков. Без него копию не восстановить: храните его отдельно от копий."
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
        />
        <NumberInput label="Час ежедневной копии" description="По времени управления; копия делается и при первом запуске за день" min={0} max={23} value={hour} onChange={(v) => setHour(Number(v) || 0)} />
        <Group grow>
          <NumberInput label="Хранить ежедневных" min={1} max={366} value={keepDaily} onChange={(v) => setKeepDaily(Number(v) || 1)} />
          <NumberInput label="Хранить ежемесячных" min={0} max={120} value={keepMonthly} onChange={(v) => setKeepMonthly(Number(v) || 0)} />
        </Group>
      </SimpleGrid>
      {save.error && <Alert color="red">{errorMessage(save.error)}</Alert>}
      {saved && <Text c="green">Настройки сохранены.</Text>}
      <Group>
        <Button onClick={submit} loading={save.isPending}>
          Сохранить настройки
        </Button>
      </Group>
    </Stack>
  );
}

export function BackupsScreen() {
  const status = useApi('backups.status', {}, { refetchInterval: 15_000 });
  const create = useApiMutation('backups.create');
  const verify = useApiMutation('backups.verify');
  const restore = useApiMutation('backups.restore');
  const [chosen, setChosen] = useState<Backup | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const s = status.data;
  if (status.error && !s) return <ErrorState message={errorMessage(status.error)} onRetry={() => void status.refetch()} />;
  if (!s) return <Page title="Резервные копии">Загрузка…</Page>;

  const doRestore = () => {
    if (!chosen) return;
    restore.mutate(
      { file: chosen.file, confirm: true },
      {
        // Everyone signs in again on the restored database.
        onSuccess: () => window.location.reload(),
      },
    );
  };

  return (
    <Page
      title="Резервные копии"
      actions={
        <Button onClick={() => create.mutate({}, { onSuccess: () => void status.refetch() })} loading={create.isPending || s.running} disabled={!s.passphraseSet}>
          Создать копию сейчас
        </Button>
      }
    >
      {s.lastVerified ? (
        <Alert color={s.stale ? 'red' : 'green'} title={s.stale ? 'Последняя проверенная копия старше 2 дней' : 'Последняя проверенная копия'}>
          {formatRuDateTime(s.lastVerified.createdAt)} — {formatBytes(s.lastVerified.bytes)}, обращений: {s.lastVerified.counts.cases ?? 0}, записей журнала аудита: {s.lastVerified.auditCount}.
        </Alert>
      ) : (
        <Alert color="red" title="Проверенных резервных копий нет">
          {s.passphraseSet ? 'Создайте копию сейчас.' : 'Задайте пароль резервных копий в настройках ниже, затем создайте копию.'}
        </Alert>
      )}
      {s.lastError && (
        <Alert color="red" title={`Копия не создана (${formatRuDateTime(s.lastError.at)})`}>
          {s.lastError.message}
        </Alert>
      )}
      {create.error && <Alert color="red">{errorMessage(create.error)}</Alert>}
      {verify.error && <Alert color="red">{errorMessage(verify.error)}</Alert>}
      {checked && !verify.error && <Text c="green">Копия {checked} проверена: расшифровывается, цела, число записей совпадает.</Text>}

      <Table striped highlightOnHover aria-label="Резервные копии">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Дата</Table.Th>
            <Table.Th>Как создана</Table.Th>
            <Table.Th>Размер</Table.Th>
            <Table.Th>Проверена</Table.Th>
            <Table.Th>Обращений</Table.Th>
            <Table.Th>Граждан</Table.Th>
            <Table.Th>Записей аудита</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.backups.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text c="dimmed">
                  В папке <span data-latin-ok>{s.folder}</span> копий нет.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {s.backups.map((b) => (
            <Table.Tr key={b.file}>
              <Table.Td>{formatRuDateTime(b.createdAt)}</Table.Td>
              <Table.Td>{KIND_LABELS[b.kind]}</Table.Td>
              <Table.Td>{formatBytes(b.bytes)}</Table.Td>
              <Table.Td>{b.verified ? <Badge color="green">да</Badge> : <Badge color="red">нет</Badge>}</Table.Td>
              <Table.Td>{b.counts.cases ?? '—'}</Table.Td>
              <Table.Td>{b.counts.persons ?? '—'}</Table.Td>
              <Table.Td>{b.auditCount}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" loading={verify.isPending && verify.variables?.file === b.file} onClick={() => verify.mutate({ file: b.file }, { onSuccess: () => setChecked(formatRuDateTime(b.createdAt)) })}>
                    Проверить
                  </Button>
                  <Button size="xs" color="red" variant="light" onClick={() => setChosen(b)}>
                    Восстановить
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <SettingsForm key={JSON.stringify(s.settings)} status={s} />

      <Modal opened={chosen != null} onClose={() => setChosen(null)} title="Восстановить базу данных из копии?" centered>
        {chosen && (
          <Stack>
            <Text>
              База данных будет заменена копией от <b>{formatRuDateTime(chosen.createdAt)}</b> (обращений: {chosen.counts.cases ?? 0}). Всё, что внесено после этого времени, пропадёт из рабочей базы.
            </Text>
            <Text>Текущая база данных сначала будет сохранена отдельной копией. После восстановления все пользователи входят заново.</Text>
            {restore.error && <Alert color="red">{errorMessage(restore.error)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)}>
                Отмена
              </Button>
              <Button color="red" onClick={doRestore} loading={restore.isPending}>
                Восстановить
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Page>
  );
}
