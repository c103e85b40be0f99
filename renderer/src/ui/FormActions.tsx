/** The footer of a form in a dialog: «Отмена» and the submit button, on the right. */
import { Button, Group } from '@mantine/core';

export function FormActions({ onCancel, loading, submit = 'Сохранить' }: { onCancel: () => void; loading?: boolean; submit?: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Отмена
      </Button>
      <Button type="submit" loading={loading}>
        {submit}
      </Button>
    </Group>
  );
}
