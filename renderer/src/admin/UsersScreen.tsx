/** Users of the program: create, edit roles and name, deactivate, reset passwords, unlock. Users are never deleted. */
import { Button, Center, Checkbox, Group, Loader, Modal, PasswordInput, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { UserView } from '../../../core/api/contract';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/api/schemas';
import { formatRuDateTime } from '../../../core/domain/dates';
import { errorMessage } from '../api';
import { useApi, useApiMutation } from '../data/queries';
import { ErrorState } from '../ui/ErrorState';
import { notifyError, notifyOk, submitToApi } from '../ui/forms';
import { Page } from '../ui/Page';
import { hostNow } from '../clock';
import { useUnsavedChanges } from '../ui/unsaved';
import { FormActions } from '../ui/FormActions';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'password'; user: UserView } | null;

const isLocked = (u: UserView) => u.lockedUntil !== null && Date.parse(u.lockedUntil) > hostNow().getTime();

function UserState({ user }: { user: UserView }) {
  if (!user.active) return <Text size="sm" c="dimmed">отключён</Text>;
  if (isLocked(user)) return <Text size="sm" c="red">заблокирован до {formatRuDateTime(user.lockedUntil)}</Text>;
  return <Text size="sm" c="green.8">действует</Text>;
}

export function UsersScreen() {
  const list = useApi('users.list', {});
  const users = list.data;
  const [dialog, setDialog] = useState<Dialog>(null);
  const unlockUser = useApiMutation('users.unlock');

  const unlock = async (u: UserView) => {
    try {
      await unlockUser.mutateAsync({ id: u.id });
      notifyOk(`Пользователь ${u.fullName} разблокирован`);
    } catch (e) {
      notifyError(e);
    }
  };

  const close = () => setDialog(null);

  return (
    <Page title="Пользователи" actions={<Button onClick={() => setDialog({ kind: 'create' })}>Добавить пользователя</Button>}>
      {list.error && !users ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : !users ? (
        <Center p="xl">
          <Loader aria-label="Загрузка" />
        </Center>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>ФИО</Table.Th>
                <Table.Th>Должность</Table.Th>
                <Table.Th>Имя пользователя</Table.Th>
                <Table.Th>Роли</Table.Th>
                <Table.Th>Состояние</Table.Th>
                <Table.Th>Последний вход</Table.Th>
                <Table.Th>Действия</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.fullName}</Table.Td>
                  <Table.Td>{u.position}</Table.Td>
                  <Table.Td>{u.username}</Table.Td>
                  <Table.Td>{u.roles.map((r) => ROLE_LABELS[r]).join(', ')}</Table.Td>
                  <Table.Td>
                    <UserState user={u} />
                  </Table.Td>
                  <Table.Td>{formatRuDateTime(u.lastLoginAt) || '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'edit', user: u })}>
                        Изменить
                      </Button>
                      <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'password', user: u })}>
                        Сбросить пароль
                      </Button>
                      {isLocked(u) && (
                        <Button size="xs" variant="light" color="red" onClick={() => unlock(u)}>
                          Разблокировать
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {dialog?.kind === 'create' && <CreateUserModal onClose={close} />}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={close} />}
    </Page>
  );
}

function RolesInput<V extends { roles: Role[] }>({ form }: { form: UseFormReturnType<V> }) {
  return (
    <Checkbox.Group label="Роли" description="Пользователь может иметь несколько ролей" required {...form.getInputProps('roles')}>
      <Group mt={6}>
        {ROLES.map((r) => (
          <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

function ModalButtons({ onCancel, busy }: { onCancel: () => void; busy: boolean }) {
  return (
    <FormActions onCancel={onCancel} loading={busy} />
  );
}

function CreateUserModal({ onClose }: { onClose: () => void }) {
  const create = useApiMutation('users.create');
  const form = useForm({ initialValues: { fullName: '', position: '', username: '', roles: [] as Role[], password: '' } });
  useUnsavedChanges(form.isDirty());

  const submit = form.onSubmit(async (values) => {
    const u = await submitToApi(form, () => create.mutateAsync(values));
    if (!u) return;
    notifyOk(`Пользователь ${u.username} создан`);
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title="Новый пользователь" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="ФИО" required autoComplete="off" data-autofocus {...form.getInputProps('fullName')} />
          <TextInput label="Должность" required autoComplete="off" {...form.getInputProps('position')} />
          <TextInput
            label="Имя пользователя"
            description="Латинские буквы, цифры, точка, дефис, подчёркивание"
            required
            autoComplete="off"
            {...form.getInputProps('username')}
          />
          <RolesInput form={form} />
          <PasswordInput
            label="Пароль"
            description="Не короче 8 символов; сообщите его пользователю"
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <ModalButtons onCancel={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

/** `user` as it was when the dialog opened: the change is saved against that revision. */
function EditUserModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const update = useApiMutation('users.update');
  const form = useForm({
    initialValues: { fullName: user.fullName, position: user.position, roles: user.roles, active: user.active },
  });
  useUnsavedChanges(form.isDirty());

  const submit = form.onSubmit(async (values) => {
    // «Загрузить сохранённую версию»: close; the list shows the user as saved now.
    const u = await submitToApi(form, () => update.mutateAsync({ id: user.id, rev: user.rev, ...values }), { reload: onClose });
    if (!u) return;
    notifyOk('Изменения сохранены');
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title={`Пользователь ${user.username}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="ФИО" required autoComplete="off" data-autofocus {...form.getInputProps('fullName')} />
          <TextInput label="Должность" required autoComplete="off" {...form.getInputProps('position')} />
          <RolesInput form={form} />
          <Switch
            label="Учётная запись действует"
            description="Отключённый пользователь не может войти в программу; его записи сохраняются"
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <ModalButtons onCancel={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const reset = useApiMutation('users.resetPassword');
  const form = useForm({ initialValues: { password: '' } });

  const submit = form.onSubmit(async (values) => {
    const done = await submitToApi(form, () => reset.mutateAsync({ id: user.id, ...values }));
    if (!done) return;
    notifyOk(`Пароль пользователя ${user.username} изменён`);
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title="Сброс пароля">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Новый пароль для пользователя {user.fullName} ({user.username}). Блокировка после неудачных попыток входа снимается.
          </Text>
          <PasswordInput
            label="Новый пароль"
            description="Не короче 8 символов; сообщите его пользователю"
            required
            autoComplete="new-password"
            data-autofocus
            {...form.getInputProps('password')}
          />
          <ModalButtons onCancel={onClose} busy={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
