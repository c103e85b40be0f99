/**
 * What the portal reported on a case: the contract status history with the
 * providers and the services delivered against the ИППСУ. Nothing is shown
 * while the portal has sent nothing.
 */
import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { formatRuDateTime } from '../../../core/domain/dates';
import { useApi } from '../data/queries';

const CONTRACT_STATUS: Record<string, string> = {
  selected: 'Выбран поставщик',
  concluding: 'На заключении',
  signing: 'На подписании',
  signed: 'Подписан',
  terminated: 'Расторгнут',
};

const d = (v: string | null | undefined) => formatRuDateTime(v) || '—';

function term(from: string | null, until: string | null): string {
  if (!from && !until) return '—';
  return `${from ? `с ${d(from)}` : ''}${from && until ? ' ' : ''}${until ? `по ${d(until)}` : ''}`;
}

export function PortalCaseData({ caseId }: { caseId: number }) {
  // Portal data comes with the exchange (not in the change feed): re-read every few minutes while the case is open.
  const data = useApi('portal.caseData', { caseId }, { refetchInterval: 300_000 }).data;

  if (!data || (data.contracts.length === 0 && data.deliveries.length === 0)) return null;

  return (
    <Card withBorder data-testid="portal-case-data">
      <Stack gap="sm">
        <Title order={4}>Данные портала</Title>
        {data.contracts.length > 0 && (
          <>
            <Text fw={600} size="sm">
              Договоры с поставщиками
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs" data-testid="portal-contracts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Поставщик</Table.Th>
                    <Table.Th>Статус</Table.Th>
                    <Table.Th>Дата</Table.Th>
                    <Table.Th>Договор</Table.Th>
                    <Table.Th>Срок</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.contracts.map((c, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{c.provider}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" tt="none" color={c.status === 'signed' ? 'green' : c.status === 'terminated' ? 'red' : 'blue'}>
                          {CONTRACT_STATUS[c.status] ?? c.status}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{d(c.date)}</Table.Td>
                      <Table.Td>{c.contractNumber ? `№ ${c.contractNumber}` : '—'}</Table.Td>
                      <Table.Td>{term(c.termFrom, c.termUntil)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        {data.deliveries.length > 0 && data.plan.length > 0 && (
          <>
            <Text fw={600} size="sm">
              План и факт по ИППСУ
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs" data-testid="portal-plan">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Услуга по программе</Table.Th>
                    <Table.Th>Объём по программе</Table.Th>
                    <Table.Th>Периодичность</Table.Th>
                    <Table.Th>Оказано (по данным портала)</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.plan.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td>{p.volume}</Table.Td>
                      <Table.Td>{p.periodicity}</Table.Td>
                      <Table.Td>{p.delivered > 0 ? `${p.delivered}${p.unit ? ` ${p.unit}` : ''}` : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        {data.deliveries.length > 0 && (
          <>
            <Text fw={600} size="sm">
              Оказанные услуги
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs" data-testid="portal-deliveries">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Услуга</Table.Th>
                    <Table.Th>Количество</Table.Th>
                    <Table.Th>Единица</Table.Th>
                    <Table.Th>Период</Table.Th>
                    <Table.Th>Акт подписан</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.deliveries.map((s, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        {s.serviceName}
                        {s.serviceCode && (
                          <Text size="xs" c="dimmed">
                            код {s.serviceCode}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{s.quantity}</Table.Td>
                      <Table.Td>{s.unit ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {d(s.periodFrom)} — {d(s.periodUntil)}
                      </Table.Td>
                      <Table.Td>
                        {s.actSigned ? (
                          <Badge color="green" variant="light" tt="none">
                            да
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            нет
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Card>
  );
}
