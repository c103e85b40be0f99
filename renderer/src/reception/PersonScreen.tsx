/** A person card (#/persons/{id}): the person's data as last entered and all their cases. */
import { Card, Center, Loader, Stack, Title } from '@mantine/core';
import { errorMessage } from '../api';
import { useApi } from '../data/queries';
import { ErrorState } from '../ui/ErrorState';
import { Page } from '../ui/Page';
import { PersonDetails } from '../ui/person';
import { ageAt } from '../format';
import { CaseTable } from '../ui/cases';
import { hostToday } from '../clock';

export function PersonScreen({ id }: { id: number }) {
  const q = useApi('persons.get', { id });
  const person = q.data;

  if (q.error && !person) return <ErrorState message={errorMessage(q.error)} onRetry={() => void q.refetch()} />;
  if (!person) {
    return (
      <Center p="xl">
        <Loader aria-label="Загрузка" />
      </Center>
    );
  }

  const age = ageAt(person.birthDate, hostToday());
  const cases = [...person.cases].sort((a, b) => b.registeredAt.localeCompare(a.registeredAt));

  return (
    <Page title={`${person.fullName}${age !== null ? `, ${age} ${yearsWord(age)}` : ''}`}>
      <Card withBorder>
        <PersonDetails person={person} />
      </Card>
      <Stack gap="xs">
        <Title order={4}>Дела заявителя ({cases.length})</Title>
        <CaseTable rows={cases} columns={['number', 'received', 'subservice', 'channel', 'status', 'due', 'registeredBy']} empty="Дел нет" />
      </Stack>
    </Page>
  );
}

function yearsWord(n: number): string {
  const d10 = n % 10;
  const d100 = n % 100;
  if (d10 === 1 && d100 !== 11) return 'год';
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return 'года';
  return 'лет';
}
