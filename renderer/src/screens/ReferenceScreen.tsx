/** Reference data: offices, MFC, agencies, sub-services; administrators may correct a record locally. */
import { Badge, Button, Center, Group, Loader, Modal, Stack, Switch, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { RefItem, RefKind } from '../../../core/api/contract';
import { foldRu } from '../../../core/domain/russian-text';
import { errorMessage } from '../api';
import { useApi, useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { ErrorState } from '../ui/ErrorState';
import { notifyOk, submitToApi } from '../ui/forms';
import { Page } from '../ui/Page';
import { useUnsavedChanges } from '../ui/unsaved';
import { FormActions } from '../ui/FormActions';

const TABS: { kind: RefKind; label: string }[] = [
  { kind: 'office', label: 'Управления' },
  { kind: 'mfc', label: 'МФЦ' },
  { kind: 'agency', label: 'Ведомства' },
  { kind: 'subservice', label: 'Подуслуги' },
];

/** The extra column of a kind, taken from the record's details. */
const EXTRA: Partial<Record<RefKind, { title: string; value: (item: RefItem) => string }>> = {
  agency: {
    title: 'Предоставляет',
    value: (item) => (Array.isArray(item.details.provides) ? item.details.provides.filter((p) => typeof p === 'string').join('; ') : ''),
  },
  subservice: {
    title: 'Пункт регламента',
    value: (item) => (typeof item.details.paragraph === 'string' ? item.details.paragraph : ''),
  },
};

export function ReferenceScreen() {
  const { hasRole } = useSession();
  const [kind, setKind] = useState<RefKind>('office');
  const list = useApi('ref.list', { kind });
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<RefItem | null>(null);

  // The header and printed forms show this office's details: the session is re-read with the list.
  const saved = () => {
    setEditing(null);
    notifyOk('Запись справочника сохранена');
  };

  return (
    <Page title="Справочники">
      <TextInput
        label="Поиск"
        placeholder="Часть наименования, адреса, телефона…"
        maw={480}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <Tabs value={kind} onChange={(v) => v && setKind(v as RefKind)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.kind} value={t.kind}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.kind} value={t.kind} pt="sm">
            {list.error && !list.data ? (
              <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
            ) : !list.data ? (
              <Center p="xl">
                <Loader aria-label="Загрузка" />
              </Center>
            ) : (
              <RefTable kind={kind} items={list.data} query={query} onEdit={hasRole('admin') ? setEditing : undefined} />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
      {editing && <RefEditModal item={editing} onClose={() => setEditing(null)} onSaved={saved} />}
    </Page>
  );
}

function RefTable({ kind, items, query, onEdit }: { kind: RefKind; items: RefItem[]; query: string; onEdit?: (item: RefItem) => void }) {
  const extra = EXTRA[kind];
  const numbered = items.some((i) => i.number !== null);
  const q = foldRu(query);
  const shown = q
    ? items.filter((i) => foldRu([i.name, i.shortName, i.address, i.phone, i.email, extra?.value(i)].filter(Boolean).join(' ')).includes(q))
    : items;

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {q ? `Найдено: ${shown.length} из ${items.length}` : `Записей: ${items.length}`}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {numbered && <Table.Th w={50}>№</Table.Th>}
              <Table.Th>Наименование</Table.Th>
              <Table.Th>Адрес</Table.Th>
              <Table.Th>Телефон</Table.Th>
              <Table.Th>Эл. почта</Table.Th>
              {extra && <Table.Th>{extra.title}</Table.Th>}
              {onEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((item) => (
              <Table.Tr key={item.code} c={item.active ? undefined : 'dimmed'}>
                {numbered && <Table.Td>{item.number}</Table.Td>}
                <Table.Td>
                  <Text size="sm">{item.name}</Text>
                  {item.shortName && (
                    <Text size="xs" c="dimmed">
                      {item.shortName}
                    </Text>
                  )}
                  {(item.locallyModified || !item.active) && (
                    <Group gap={4} mt={4}>
                      {item.locallyModified && (
                        <Badge size="xs" variant="light">
                          изменено локально
                        </Badge>
                      )}
                      {!item.active && (
                        <Badge size="xs" color="gray" variant="light">
                          не действует
                        </Badge>
                      )}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>{item.address}</Table.Td>
                <Table.Td>{item.phone}</Table.Td>
                <Table.Td>{item.email}</Table.Td>
                {extra && <Table.Td>{extra.value(item)}</Table.Td>}
                {onEdit && (
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => onEdit(item)}>
                      Изменить
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** `item` as it was when the dialog opened: the change is saved against that revision. */
function RefEditModal({ item, onClose, onSaved }: { item: RefItem; onClose: () => void; onSaved: (item: RefItem) => void }) {
  const update = useApiMutation('ref.update');
  const form = useForm({
    initialValues: {
      name: item.name,
      shortName: item.shortName ?? '',
      address: item.address ?? '',
      phone: item.phone ?? '',
      email: item.email ?? '',
      active: item.active,
    },
  });

  useUnsavedChanges(form.isDirty());
  const submit = form.onSubmit(async (values) => {
    const result = await submitToApi(form, () => update.mutateAsync({ kind: item.kind, code: item.code, rev: item.rev, ...values }), { reload: onClose });
    if (result) onSaved(result);
  });

  return (
    <Modal opened onClose={onClose} title="Запись справочника" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Полное наименование" required data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Краткое наименование" {...form.getInputProps('shortName')} />
          <TextInput label="Адрес" {...form.getInputProps('address')} />
          <TextInput label="Телефон" {...form.getInputProps('phone')} />
          <TextInput label="Электронная почта" description="Один адрес" {...form.getInputProps('email')} />
          <Switch label="Действует" {...form.getInputProps('active', { type: 'checkbox' })} />
          <Text size="xs" c="dimmed">
            Изменение сохраняется локально: при обновлении справочника оно не будет перезаписано.
          </Text>
          <FormActions onCancel={onClose} loading={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
