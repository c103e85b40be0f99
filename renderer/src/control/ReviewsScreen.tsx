/**
 * «Пересмотр ИППСУ» (#/reviews): programmes whose term ends within the chosen
 * horizon (60 days by default), those already expired, and those flagged by a
 * change of the person's circumstances (442-ФЗ ст. 16: reviewed as the need
 * changes, at least once every three years). A review application is
 * registered from here.
 */
import { Badge, Group, NumberInput, Pagination, Table, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useApi } from '../data/queries';
import { ruDate } from '../format';
import { PAGE_SIZE, useSessionState } from '../ui/cases';
import { useSession } from '../session';
import { AnchorLink, ButtonLink } from '../ui/links';
import { Page } from '../ui/Page';
import { EmptyRow, Pending } from './parts';

const STATE = {
  expired: { label: 'Срок истёк', color: 'red' },
  due: { label: 'Срок истекает', color: 'orange' },
  flagged: { label: 'Изменились обстоятельства', color: 'grape' },
} as const;

export function ReviewsScreen() {
  const { hasRole } = useSession();
  const [f, setF] = useSessionState('reviews', { horizonDays: 60, page: 1 });
  const q = useApi('ippsu.reviews', { horizonDays: f.horizonDays, page: f.page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  const d = q.data;
  return (
    <Page title="Пересмотр ИППСУ">
      <Group align="flex-end">
        <NumberInput
          label="Срок истекает в ближайшие, дней"
          min={1}
          max={366}
          w={300}
          value={f.horizonDays}
          onChange={(v) => typeof v === 'number' && v >= 1 && v <= 366 && setF({ horizonDays: v, page: 1 })}
        />
        <Text size="sm" c="dimmed" pb={8}>
          Показаны также программы с истёкшим сроком и с изменившимися обстоятельствами.
        </Text>
      </Group>
      {!d ? (
<Pending error={q.error} onRetry={() => void q.refetch()} />
) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" aria-label="Программы к пересмотру">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Получатель</Table.Th>
                  <Table.Th>ИППСУ</Table.Th>
                  <Table.Th>Действует до</Table.Th>
                  <Table.Th>Причина</Table.Th>
                  <Table.Th>Ответственный</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.rows.map((r) => (
                  <Table.Tr key={r.decisionId} data-testid={`review-row-${r.decisionId}`}>
                    <Table.Td>
                      <AnchorLink to="/persons/$id" params={{ id: r.personId }}>
                        {r.personName}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        {ruDate(r.birthDate)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <AnchorLink to="/cases/$id" params={{ id: r.caseId }}>
                        № {r.outgoingNumber ?? '—'} от {ruDate(r.programmeDate)}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        дело № {r.journalNumber}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ruDate(r.termUntil)}</Text>
                      <Text size="xs" c={r.daysLeft < 0 ? 'red' : 'dimmed'}>
                        {r.daysLeft < 0 ? `истёк ${-r.daysLeft} дн. назад` : `осталось ${r.daysLeft} дн.`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATE[r.state].color} variant="light" tt="none">
                        {STATE[r.state].label}
                      </Badge>
                      {r.reasons.map((x) => (
                        <Text size="xs" key={x}>
                          {x}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.responsibleName ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {r.reviewCaseId ? (
                        <AnchorLink to="/cases/$id" params={{ id: r.reviewCaseId }} size="sm">
                          Пересмотр: дело № {r.reviewJournalNumber}
                        </AnchorLink>
                      ) : hasRole('specialist') ? (
                        <ButtonLink size="xs" variant="light" to="/intake" search={{ review: r.decisionId }}>
                          Зарегистрировать заявление о пересмотре
                        </ButtonLink>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
                {d.rows.length === 0 && <EmptyRow cols={6}>Программ к пересмотру нет</EmptyRow>}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {d.total > PAGE_SIZE && <Pagination total={Math.ceil(d.total / PAGE_SIZE)} value={f.page} onChange={(page) => setF((x) => ({ ...x, page }))} />}
        </>
      )}
    </Page>
  );
}
