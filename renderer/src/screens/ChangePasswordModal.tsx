/** Changing one's own password. */
import { Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useApiMutation } from '../data/queries';
import { notifyOk, submitToApi } from '../ui/forms';
import { FormActions } from '../ui/FormActions';

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
          <FormActions onCancel={close} loading={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
