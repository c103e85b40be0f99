/**
 * «Поступившие с портала»: online applications waiting to be registered
 * (within 1 working day, p.35). Shown above the journal only when non-empty;
 * «Зарегистрировать» opens the intake form pre-filled from the application.
 */
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { formatRuDateTime } from '../../../core/domain/dates';
import { CHANNEL_LABELS, type Channel } from '../../../core/domain/deadlines';
import { useApi } from '../data/queries';
import { DueBadge } from '../ui/DueBadge';

export function PortalQueue() {
  // Online applications arrive with the portal exchange, which is not in the change feed: re-read every minute too.
  const rows = useApi('portal.applications', { includeRegistered: false }, { refetchInterval: 60_000 }).data ?? [];
  const navigate = useNavigate();

  if (rows.length === 0) return null;

  return (
    <Card withBorder data-testid="portal-queue" mb="md" bg="var(--mantine-color-blue-light)">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Поступившие с портала: {rows.length}</Title>
          <Text size="sm" c="dimmed">
            Зарегистрируйте не позднее 1 рабочего дня со дня поступления (п. 35)
          </Text>
        </Group>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" bg="var(--mantine-color-body)">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>№ на портале</Table.Th>
                <Table.Th>Заявитель</Table.Th>
                <Table.Th>Канал</Table.Th>
                <Table.Th>Поступило</Table.Th>
                <Table.Th>Срок регистрации</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid={`portal-app-${r.id}`}>
                  <Table.Td>{r.portalId}</Table.Td>
                  <Table.Td>{r.applicantName}</Table.Td>
                  <Table.Td>{CHANNEL_LABELS[r.channel as Channel] ?? r.channel}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatRuDateTime(r.receivedAt)}</Table.Td>
                  <Table.Td>
                    <DueBadge date={r.dueRegistration} urgency={r.urgency} />
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" onClick={() => void navigate({ to: '/intake', search: { portal: r.id } })}>
                      Зарегистрировать
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
