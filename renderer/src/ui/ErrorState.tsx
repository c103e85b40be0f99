import { Alert, Button, Center, Stack } from '@mantine/core';

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <Center p="xl">
      <Stack maw={520}>
        <Alert color="red" title="Ошибка">
          {message}
        </Alert>
        {onRetry && (
          <Button variant="light" onClick={onRetry}>
            Повторить
          </Button>
        )}
      </Stack>
    </Center>
  );
}
