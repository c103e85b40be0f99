/** The program's recent warnings and errors (the log file in the data folder keeps everything). */
import { Badge, Table, Text } from '@mantine/core';
import { formatRuDateTime } from '../../../core/domain/dates';
import { errorMessage } from '../api';
import { useApi } from '../data/queries';
import { ErrorState } from '../ui/ErrorState';
import { Page } from '../ui/Page';

/** The log's fixed messages in Russian; the log file keeps the originals for support. */
const MESSAGES: Record<string, string> = {
  'backup failed': 'Резервная копия не создана',
  'backup schedule check failed': 'Не удалось проверить расписание резервных копий',
  'exchange: outbound payload does not match the protocol': 'Обмен: исходящие данные не соответствуют протоколу',
  'export job failed': 'Не удалось сформировать выгрузку',
  'handler failed': 'Внутренняя ошибка при выполнении операции',
  'http request failed': 'Ошибка при обработке запроса рабочего места',
  'database restore attempted': 'Восстановление базы данных из резервной копии',
  'renderer error': 'Ошибка на экране рабочего места',
  'folder access could not be restricted to the current user': 'Не удалось закрыть папку программы от других пользователей компьютера',
  'backup worker unavailable, checking on the main thread': 'Резервная копия проверена без отдельного потока (медленнее)',
  'backup worker did not start, checking on the main thread': 'Резервная копия проверена без отдельного потока (медленнее)',
};

export function ProgramLogScreen() {
  const list = useApi('logs.recent', { limit: 200 }, { refetchInterval: 30_000 });
  if (list.error && !list.data) return <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />;
  const rows = list.data ?? [];
  return (
    <Page title="Журнал программы">
      <Text size="sm" c="dimmed">
        Предупреждения и ошибки с момента запуска сервера, новые сверху. Полный журнал хранится в папке данных программы. Персональные данные в журнал не записываются.
      </Text>
      <Table striped aria-label="Предупреждения и ошибки">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Время</Table.Th>
            <Table.Th>Уровень</Table.Th>
            <Table.Th>Событие</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3}>
                <Text c="dimmed">Предупреждений и ошибок нет.</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatRuDateTime(r.at)}</Table.Td>
              <Table.Td>{r.level === 'error' ? <Badge color="red">ошибка</Badge> : <Badge color="yellow">предупреждение</Badge>}</Table.Td>
              <Table.Td>{MESSAGES[r.msg] ?? 'Прочее событие программы (подробности — в файле журнала)'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Page>
  );
}
