/** This office's details as printed on forms. */
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import type { OfficeView } from '../../../core/api/contract';
import { useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { notifyOk, submitToApi } from '../ui/forms';
import { Page } from '../ui/Page';
import { useUnsavedChanges } from '../ui/unsaved';

function officeValues(o: OfficeView) {
  return { name: o.name, address: o.address, phone: o.phone, email: o.email, headName: o.headName ?? '', headPosition: o.headPosition ?? '' };
}

/** The office's details; a form with nothing unsaved follows changes made at another desk. */
export function OfficeScreen() {
  const { session } = useSession();
  const [dirty, setDirty] = useState(false);
  const [shown, setShown] = useState(session.office.rev);
  if (!dirty && shown !== session.office.rev) setShown(session.office.rev);
  return <OfficeForm key={shown} office={session.office} onDirty={setDirty} />;
}

function OfficeForm({ office, onDirty }: { office: OfficeView; onDirty(dirty: boolean): void }) {
  const { session, setSession } = useSession();
  const update = useApiMutation('office.update');
  // Saved against the revision the form was loaded from.
  const [rev] = useState(office.rev);
  const form = useForm({ initialValues: officeValues(office) });
  const dirty = form.isDirty();
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useUnsavedChanges(dirty);

  const submit = form.onSubmit(async (values) => {
    const result = await submitToApi(form, () => update.mutateAsync({ ...values, rev }), { reload: () => form.reset() });
    if (!result) return;
    form.setInitialValues(officeValues(result));
    form.reset();
    setSession({ ...session, office: result });
    notifyOk('Сведения об учреждении сохранены');
  });

  return (
    <Page title="Учреждение">
      <Paper withBorder p="lg" maw={760}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {office.territory} · № {office.number}
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
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                Сохранить
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
