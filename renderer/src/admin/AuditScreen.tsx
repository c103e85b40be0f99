/** The audit log: who changed what and when, with the record before and after the change. */
import { Button, Center, Code, Group, Loader, Modal, Pagination, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEntry, UserView } from '../../../core/api/contract';
import { formatRuDateTime } from '../../../core/domain/dates';
import { errorMessage } from '../api';
import { useApi } from '../data/queries';
import { ErrorState } from '../ui/ErrorState';
import { Page } from '../ui/Page';
import { RuDateInput } from '../ui/RuDateInput';

const PAGE_SIZE = 50;
const NO_USERS: UserView[] = [];

const ENTITY_LABELS: Record<string, string> = {
  user: 'Пользователь',
  office: 'Учреждение',
  settings: 'Настройки',
  calendar: 'Производственный календарь',
  'ref.office': 'Справочник управлений',
  'ref.mfc': 'Справочник МФЦ',
  'ref.agency': 'Справочник ведомств',
  'ref.subservice': 'Справочник подуслуг',
  setting: 'Настройка',
  case: 'Дело',
  person: 'Человек',
  request: 'Межведомственный запрос',
  decision: 'Решение',
  'act.appendix3-citizen': 'Акт обследования (приложение 3)',
  'act.appendix3-family': 'Акт обследования семьи (приложение 3)',
  'act.appendix4': 'Акт оценки потребности (приложение 4)',
  complaint: 'Жалоба',
  provider: 'Поставщик',
  service: 'Социальная услуга',
  notification: 'Уведомление',
  circumstance_change: 'Изменение обстоятельств',
  statistics: 'Статистика',
  'register.outgoing': 'Журнал исходящих документов',
};

const ACTION_LABELS: Record<string, string> = {
  create: 'Создание',
  update: 'Изменение',
  'setup.init': 'Первоначальная настройка',
  'auth.login': 'Вход',
  'auth.login_failed': 'Неудачный вход',
  'auth.locked': 'Блокировка после неудачных входов',
  'password.change': 'Смена пароля',
  'password.reset': 'Сброс пароля',
  unlock: 'Разблокировка',
  register: 'Регистрация',
  annul: 'Аннулирование',
  transition: 'Смена состояния дела',
  assign: 'Назначение ответственного',
  print: 'Печать',
  sign: 'Подписание',
  issue: 'Выдача результата',
  'request.send': 'Направление запроса',
  'request.answer': 'Регистрация ответа',
  read: 'Прочтение',
  export: 'Выгрузка',
  'session.end': 'Завершение сеанса',
};

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

interface Filters {
  from: string;
  to: string;
  userId: string | null;
  entity: string | null;
  action: string | null;
}

const NO_FILTERS: Filters = { from: '', to: '', userId: null, entity: null, action: null };

export function AuditScreen() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<AuditEntry | null>(null);
  const [resets, setResets] = useState(0);
  const users: UserView[] = useApi('users.list', {}).data ?? NO_USERS;
  const list = useApi(
    'audit.list',
    {
      from: filters.from || undefined,
      to: filters.to || undefined,
      userId: filters.userId ? Number(filters.userId) : undefined,
      entity: filters.entity ?? undefined,
      action: filters.action ?? undefined,
      page,
      pageSize: PAGE_SIZE,
    },
    { placeholderData: keepPreviousData },
  );
  const data = list.data ?? null;
  const loading = list.isFetching;
  const error = list.error && !data ? errorMessage(list.error) : null;

  const filter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const reset = () => {
    filter(NO_FILTERS);
    setResets((n) => n + 1); // also clears half-typed dates
  };

  const userName = (e: AuditEntry) => {
    const u = users.find((x) => x.id === e.userId);
    return u ? `${u.fullName} (${u.username})` : (e.username ?? '—');
  };

  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));

  return (
    <Page
      title="Журнал аудита"
      actions={
        <Button variant="default" onClick={reset}>
          Сбросить фильтры
        </Button>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="sm" verticalSpacing="xs">
        <RuDateInput key={`from-${resets}`} label="С даты" value={filters.from} onChange={(from) => filter({ from })} />
        <RuDateInput key={`to-${resets}`} label="По дату" value={filters.to} onChange={(to) => filter({ to })} />
        <Select
          label="Пользователь"
          placeholder="Все"
          searchable
          clearable
          nothingFoundMessage="Ничего не найдено"
          data={users.map((u) => ({ value: String(u.id), label: `${u.fullName} (${u.username})` }))}
          value={filters.userId}
          onChange={(userId) => filter({ userId })}
        />
        <Select label="Объект" placeholder="Все" clearable data={options(ENTITY_LABELS)} value={filters.entity} onChange={(entity) => filter({ entity })} />
        <Select label="Действие" placeholder="Все" clearable data={options(ACTION_LABELS)} value={filters.action} onChange={(action) => filter({ action })} />
      </SimpleGrid>

      {error ? (
        <ErrorState message={error} onRetry={() => void list.refetch()} />
      ) : !data ? (
        <Center p="xl">
          <Loader aria-label="Загрузка" />
        </Center>
      ) : (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Найдено записей: {data.total}
            </Text>
            {loading && <Loader size="xs" aria-label="Загрузка" />}
          </Group>
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Когда</Table.Th>
                  <Table.Th>Пользователь</Table.Th>
                  <Table.Th>Действие</Table.Th>
                  <Table.Th>Объект</Table.Th>
                  <Table.Th>№ записи</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatRuDateTime(e.at)}</Table.Td>
                    <Table.Td>{userName(e)}</Table.Td>
                    <Table.Td>{ACTION_LABELS[e.action] ?? e.action}</Table.Td>
                    <Table.Td>{ENTITY_LABELS[e.entity] ?? e.entity}</Table.Td>
                    <Table.Td>{e.entityId && /^\d+$/.test(e.entityId) ? e.entityId : ''}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" onClick={() => setShown(e)}>
                        Подробно
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {data.rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center">
                        Записей не найдено
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
        </>
      )}

      <Modal opened={shown !== null} onClose={() => setShown(null)} title="Запись журнала аудита" size="xl">
        {shown && (
          <Stack>
            <Text size="sm">
              {formatRuDateTime(shown.at)} · {userName(shown)} · {ACTION_LABELS[shown.action] ?? shown.action} ·{' '}
              {ENTITY_LABELS[shown.entity] ?? shown.entity}
              {shown.entityId && /^\d+$/.test(shown.entityId) && ` № ${shown.entityId}`}
            </Text>
            <JsonBlock title="До изменения" value={shown.before} />
            <JsonBlock title="После изменения" value={shown.after} />
          </Stack>
        )}
      </Modal>
    </Page>
  );
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <Title order={5} mb={4}>
        {title}
      </Title>
      {value === null || value === undefined ? (
        <Text size="sm" c="dimmed">
          нет данных
        </Text>
      ) : (
        <Code block>{JSON.stringify(value, null, 2)}</Code>
      )}
    </div>
  );
}
