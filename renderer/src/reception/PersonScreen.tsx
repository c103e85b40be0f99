/** A person card (#/persons/{id}): the person's data as last entered, corrected here, and all their cases. */
import { Button, Card, Center, Group, Loader, Modal, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { CITIZENSHIP_LABELS, CITIZENSHIPS, ID_DOC_KINDS, ID_DOC_LABELS, SEX_LABELS, SEXES, type PersonWithCases } from '../../../core/api/reception';
import { ruPlural } from '../../../core/domain/russian-text';
import { formatSnils, normalizeSnils } from '../../../core/domain/snils';
import { errorMessage } from '../api';
import { CircumstanceChanges } from '../control/CircumstanceChanges';
import { hostToday } from '../clock';
import { useApi, useApiMutation } from '../data/queries';
import { ageAt } from '../format';
import { CaseTable } from '../ui/cases';
import { ErrorState } from '../ui/ErrorState';
import { notifyOk, submitToApi } from '../ui/forms';
import { Page } from '../ui/Page';
import { PersonAddressFields, PersonDetails, personAddressInput, personAddressValues } from '../ui/person';
import { RuDateInput } from '../ui/RuDateInput';
import { useSession } from '../session';
import { useUnsavedChanges } from '../ui/unsaved';
import { FormActions } from '../ui/FormActions';

export function PersonScreen({ id }: { id: number }) {
  const { hasRole } = useSession();
  const q = useApi('persons.get', { id });
  const person = q.data;
  const [editing, setEditing] = useState(false);

  if (q.error && !person) return <ErrorState message={errorMessage(q.error)} onRetry={() => void q.refetch()} />;
  if (!person) {
    return (
      <Center p="xl">
        <Loader aria-label="Загрузка" />
      </Center>
    );
  }

  const age = ageAt(person.birthDate, hostToday());
  const cases = [...person.cases].sort((a, b) => b.registeredAt.localeCompare(a.registeredAt));

  return (
    <Page
      title={`${person.fullName}${age !== null ? `, ${age} ${ruPlural(age, 'год', 'года', 'лет')}` : ''}`}
      actions={
        hasRole('reception', 'specialist', 'head') && (
          <Button variant="default" onClick={() => setEditing(true)}>
            Исправить данные
          </Button>
        )
      }
    >
      <Card withBorder>
        <PersonDetails person={person} />
      </Card>
      <CircumstanceChanges personId={person.id} />
      <Stack gap="xs">
        <Title order={4}>Дела заявителя ({cases.length})</Title>
        <CaseTable rows={cases} columns={['number', 'received', 'subservice', 'channel', 'status', 'due', 'registeredBy']} empty="Дел нет" />
      </Stack>
      {editing && (
        <EditPersonModal
          person={person}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            notifyOk('Данные человека исправлены');
          }}
        />
      )}
    </Page>
  );
}

const s = (v: string | null | undefined) => v ?? '';

/** The card's data, corrected against the revision it had when the dialog opened. */
function EditPersonModal({ person, onClose, onDone }: { person: PersonWithCases; onClose(): void; onDone(): void }) {
  const update = useApiMutation('persons.update');
  const [rev] = useState(person.rev);
  const form = useForm({
    initialValues: {
      lastName: person.lastName,
      firstName: person.firstName,
      middleName: s(person.middleName),
      birthDate: person.birthDate,
      sex: person.sex,
      snils: person.snils ? formatSnils(person.snils) : '',
      citizenship: person.citizenship,
      idDoc: { kind: s(person.idDoc.kind), series: s(person.idDoc.series), number: s(person.idDoc.number), issuer: s(person.idDoc.issuer), issueDate: s(person.idDoc.issueDate) },
      ...personAddressValues(person),
      phone: s(person.phone),
      email: s(person.email),
    },
  });
  useUnsavedChanges(form.isDirty());
  const submit = form.onSubmit(async (v) => {
    const { regAddress: _r, regAddressParts: _rp, sameAddress: _s, actualAddress: _a, actualAddressParts: _ap, ...rest } = v;
    const next = await submitToApi(
      form,
      () =>
        update.mutateAsync({
          id: person.id,
          rev,
          person: { ...rest, ...personAddressInput(v), snils: normalizeSnils(v.snils) ?? (v.snils || undefined), idDoc: v.idDoc } as never,
        }),
      { reload: onClose },
    );
    if (next) onDone();
  });
  // The backend names fields 'person.x'; the form's are 'x'.
  const err = (path: string) => form.errors[path] ?? form.errors[`person.${path}`];
  const input = (path: string, options?: { type: 'checkbox' }) => ({ ...form.getInputProps(path, options), error: err(path) });
  return (
    <Modal opened onClose={onClose} title="Исправить данные человека" size="xl">
      <form onSubmit={submit} noValidate aria-label="Данные человека">
        <Stack>
          <SimpleGrid cols={3}>
            <TextInput label="Фамилия" required data-autofocus {...input('lastName')} />
            <TextInput label="Имя" required {...input('firstName')} />
            <TextInput label="Отчество" {...input('middleName')} />
            <RuDateInput label="Дата рождения" required value={form.values.birthDate} onChange={(iso) => form.setFieldValue('birthDate', iso)} error={err('birthDate')} />
            <NativeSelect label="Пол" required data={SEXES.map((x) => ({ value: x, label: SEX_LABELS[x] }))} {...input('sex')} />
            <TextInput label="СНИЛС" inputMode="numeric" maxLength={14} {...input('snils')} />
            <NativeSelect label="Гражданство" required data={CITIZENSHIPS.map((x) => ({ value: x, label: CITIZENSHIP_LABELS[x] }))} {...input('citizenship')} />
            <NativeSelect label="Вид документа" required data={ID_DOC_KINDS.map((x) => ({ value: x, label: ID_DOC_LABELS[x] }))} {...input('idDoc.kind')} />
            <Group grow gap="xs" align="flex-start">
              <TextInput label="Серия" {...input('idDoc.series')} />
              <TextInput label="Номер" required {...input('idDoc.number')} />
            </Group>
            <TextInput label="Кем выдан" required {...input('idDoc.issuer')} />
            <RuDateInput label="Дата выдачи" required value={form.values.idDoc.issueDate} onChange={(iso) => form.setFieldValue('idDoc.issueDate', iso)} error={err('idDoc.issueDate')} />
            <TextInput label="Телефон" {...input('phone')} />
          </SimpleGrid>
          <PersonAddressFields field={input} prefix="" values={form.values} />
          <TextInput label="Электронная почта" {...input('email')} />
          <FormActions onCancel={onClose} loading={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
