/** Users of the program: create, edit roles and name, deactivate, reset passwords, unlock. Users are never deleted. */
import { Button, Center, Checkbox, Group, Loader, Modal, PasswordInput, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useCallback, useEffect, useState } from 'react';
import type { UserView } from '../../../core/api/contract';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/api/schemas';
import { formatRuDateTime } from '../../../core/domain/dates';
import { api, errorMessage } from '../api';
import { useSession } from '../session';
import { ErrorState } from '../ui/ErrorState';
import { notifyError, notifyOk, submitToApi } from '../ui/forms';
import { Page } from '../ui/Page';
import { hostNow } from '../clock';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'password'; user: UserView } | null;

const isLocked = (u: UserView) => u.lockedUntil !== null && Date.parse(u.lockedUntil) > hostNow().getTime();

function UserState({ user }: { user: UserView }) {
  if (!user.active) return <Text size="sm" c="dimmed">отключён</Text>;
  if (isLocked(user)) return <Text size="sm" c="red">заблокирован до {formatRuDateTime(user.lockedUntil)}</Text>;
  return <Text size="sm" c="green.8">действует</Text>;
}

export function UsersScreen() {
  const { session, setSession } = useSession();
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setUsers(await api['users.list']({}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** Puts a changed user into the table (and into the session when it is the signed-in user). */
  const saved = (u: UserView) => {
    setUsers((list) => {
      const rest = (list ?? []).filter((x) => x.id !== u.id);
      return [...rest, u].sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
    });
    if (u.id === session.user.id) setSession({ ...session, user: u });
  };

  const unlock = async (u: UserView) => {
    try {
      saved(await api['users.unlock']({ id: u.id }));
      notifyOk(`Пользователь ${u.fullName} разблокирован`);
    } catch (e) {
      notifyError(e);
    }
  };

  const close = () => setDialog(null);

  return (
    <Page title="Пользователи" actions={<Button onClick={() => setDialog({ kind: 'create' })}>Добавить пользователя</Button>}>
      {error ? (
        <ErrorState message={error} onRetry={load} />
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

      {dialog?.kind === 'create' && <CreateUserModal onClose={close} onSaved={saved} />}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={close} onSaved={saved} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={close} onSaved={saved} />}
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
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Отмена
      </Button>
      <Button type="submit" loading={busy}>
        Сохранить
      </Button>
    </Group>
  );
}

function CreateUserModal({ onClose, onSaved }: { onClose: () => void; onSaved: (u: UserView) => void }) {
  const form = useForm({ initialValues: { fullName: '', position: '', username: '', roles: [] as Role[], password: '' } });

  const submit = form.onSubmit(async (values) => {
    const u = await submitToApi(form, () => api['users.create'](values));
    if (!u) return;
    onSaved(u);
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

function EditUserModal({ user, onClose, onSaved }: { user: UserView; onClose: () => void; onSaved: (u: UserView) => void }) {
  const form = useForm({
    initialValues: { fullName: user.fullName, position: user.position, roles: user.roles, active: user.active },
  });

  const submit = form.onSubmit(async (values) => {
    const u = await submitToApi(form, () => api['users.update']({ id: user.id, ...values }));
    if (!u) return;
    onSaved(u);
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

function ResetPasswordModal({ user, onClose, onSaved }: { user: UserView; onClose: () => void; onSaved: (u: UserView) => void }) {
  const form = useForm({ initialValues: { password: '' } });

  const submit = form.onSubmit(async (values) => {
    const done = await submitToApi(form, () => api['users.resetPassword']({ id: user.id, ...values }));
    if (!done) return;
    onSaved({ ...user, lockedUntil: null }); // the reset also clears the lock
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
