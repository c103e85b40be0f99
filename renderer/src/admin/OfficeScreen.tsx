/** This office's details as printed on forms. */
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { OfficeView } from '../../../core/api/contract';
import { api } from '../api';
import { useSession } from '../session';
import { notifyOk, submitToApi } from '../ui/forms';
import { Page } from '../ui/Page';

function officeValues(o: OfficeView) {
  return { name: o.name, address: o.address, phone: o.phone, email: o.email, headName: o.headName ?? '', headPosition: o.headPosition ?? '' };
}

export function OfficeScreen() {
  const { session, setSession } = useSession();
  const office = session.office;
  const form = useForm({ initialValues: officeValues(office) });

  const submit = form.onSubmit(async (values) => {
    const result = await submitToApi(form, () => api['office.update'](values));
    if (!result) return;
    setSession({ ...session, office: result });
    form.setInitialValues(officeValues(result));
    form.reset();
    notifyOk('Сведения об учреждении сохранены');
  });

  return (
    <Page title="Учреждение">
      <Paper withBorder p="lg" maw={760}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {office.territory} · код {office.code} · № {office.number}
              </Text>
              {office.locallyModified && (
                <Badge variant="light" size="sm">
                  изменено локально
                </Badge>
              )}
            </Group>
            <Text size="sm">Эти сведения печатаются в бланках документов.</Text>
            <TextInput label="Наименование" required data-autofocus autoFocus {...form.getInputProps('name')} />
            <TextInput label="Адрес" required {...form.getInputProps('address')} />
            <Group grow align="flex-start">
              <TextInput label="Телефон" required {...form.getInputProps('phone')} />
              <TextInput label="Электронная почта" required {...form.getInputProps('email')} />
            </Group>
            <Group grow align="flex-start">
              <TextInput label="ФИО руководителя" {...form.getInputProps('headName')} />
              <TextInput label="Должность руководителя" {...form.getInputProps('headPosition')} />
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={form.reset} disabled={!form.isDirty()}>
                Отменить изменения
              </Button>
              <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
                Сохранить
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
