import { Alert, Stack, Title } from '@mantine/core';

/** A section whose work has not landed yet says so plainly. */
export function NotYetScreen({ title }: { title: string }) {
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Alert color="gray">Раздел появится в следующей версии программы.</Alert>
    </Stack>
  );
}
