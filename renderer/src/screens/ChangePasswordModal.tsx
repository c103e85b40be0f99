/** Changing one's own password. */
import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useApiMutation } from '../data/queries';
import { notifyOk, submitToApi } from '../ui/forms';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const change = useApiMutation('auth.changePassword');
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: { repeat: (v, all) => (v === all.newPassword ? null : 'Пароли не совпадают') },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = form.onSubmit(async ({ repeat: _repeat, ...values }) => {
    const done = await submitToApi(form, () => change.mutateAsync(values));
    if (done) {
      notifyOk('Пароль изменён');
      close();
    }
  });

  return (
    <Modal opened={opened} onClose={close} title="Смена пароля">
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput label="Текущий пароль" required autoComplete="current-password" data-autofocus {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label="Новый пароль"
            description="Не короче 8 символов"
            required
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label="Подтверждение пароля" required autoComplete="new-password" {...form.getInputProps('repeat')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Отмена
            </Button>
            <Button type="submit" loading={form.submitting}>
              Сохранить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
