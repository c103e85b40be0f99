/** First run: the administrator picks the office and creates their own account. */
import { Button, Center, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { z } from 'zod';
import { SetupInput, type SessionView } from '../../../core/api/contract';
import { text } from '../../../core/api/schemas';
import { useApiMutation } from '../data/queries';
import { router } from '../router';
import { submitToApi } from '../ui/forms';

/** The contract's setup input, with what the screen adds: the head is required here, the password typed twice. */
const SETUP_FORM = SetupInput.extend({
  officeCode: z.string().min(1, { error: 'Выберите управление из списка' }),
  headName: text(200),
  headPosition: text(200),
  password2: z.string(),
}).refine((v) => v.password === v.password2, { error: 'Пароли не совпадают', path: ['password2'] });

export function SetupScreen({
  offices,
  onDone,
}: {
  offices: { code: string; name: string; territory: string }[];
  onDone: (s: SessionView) => void;
}) {
  const init = useApiMutation('setup.init');
  const form = useForm({
    initialValues: { officeCode: '', headName: '', headPosition: '', fullName: '', position: '', username: '', password: '', password2: '' },
    validate: schemaResolver(SETUP_FORM, { sync: true }),
  });

  const submit = form.onSubmit(async ({ password2: _p, ...values }) => {
    const s = await submitToApi(form, () => init.mutateAsync(values));
    if (s) {
      // The administrator's next job is to add the office's users.
      void router.navigate({ to: '/admin/users' });
      onDone(s);
    }
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={560}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={2}>Первоначальная настройка Socdesk</Title>
              <Text c="dimmed" size="sm">
                Выберите управление социальной защиты населения, в котором установлена программа, и создайте учётную запись
                администратора.
              </Text>
            </div>
            <Select
              label="Управление социальной защиты населения"
              placeholder="Начните вводить название территории"
              searchable
              required
              data-autofocus
              data={offices.map((o) => ({ value: o.code, label: `${o.territory} — ${o.name}` }))}
              nothingFoundMessage="Ничего не найдено"
              {...form.getInputProps('officeCode')}
            />
            <TextInput label="ФИО руководителя управления" description="Печатается в подписываемых документах" required {...form.getInputProps('headName')} />
            <TextInput label="Должность руководителя" placeholder="Начальник управления" required {...form.getInputProps('headPosition')} />
            <TextInput label="ФИО администратора" required autoComplete="name" {...form.getInputProps('fullName')} />
            <TextInput label="Должность" required {...form.getInputProps('position')} />
            <TextInput label="Имя пользователя (латиницей)" required autoComplete="username" {...form.getInputProps('username')} />
            <PasswordInput label="Пароль" description="Не короче 8 символов" required autoComplete="new-password" {...form.getInputProps('password')} />
            <PasswordInput label="Пароль ещё раз" required autoComplete="new-password" {...form.getInputProps('password2')} />
            <Button type="submit" loading={init.isPending}>
              Сохранить и войти
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
