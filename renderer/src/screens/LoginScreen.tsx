/** Sign-in. */
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { SessionView } from '../../../core/api/contract';
import { errorMessage } from '../api';
import { useApiMutation } from '../data/queries';

export function LoginScreen({ onDone }: { onDone: (s: SessionView) => void }) {
  const login = useApiMutation('auth.login');
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { username: '', password: '' } });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      onDone(await login.mutateAsync(values));
    } catch (e) {
      setError(errorMessage(e));
      form.setFieldValue('password', '');
    }
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={2}>Вход в Socdesk</Title>
              <Text c="dimmed" size="sm">
                Признание граждан нуждающимися в социальном обслуживании
              </Text>
            </div>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput label="Имя пользователя" required autoComplete="username" data-autofocus autoFocus {...form.getInputProps('username')} />
            <PasswordInput label="Пароль" required autoComplete="current-password" {...form.getInputProps('password')} />
            <Button type="submit" loading={login.isPending}>
              Войти
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
