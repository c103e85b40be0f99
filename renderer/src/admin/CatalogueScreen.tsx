/**
 * «Услуги и поставщики» (#/catalogue): the catalogue of social services by
 * type with their units (used to fill the acts and the ИППСУ), and the
 * register of providers. Administrators add and edit; everyone else reads.
 */
import {
  Alert,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Modal,
  MultiSelect,
  NativeSelect,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import type { Out } from '../../../core/api/contract';
import { SERVICE_FORM_LABELS, SERVICE_FORMS, SERVICE_TYPE_NAMES, SERVICE_TYPE_ROMAN, URGENT_SERVICES_NAME, type ServiceForm, type ServiceType } from '../../../core/api/decision';
import { foldRu } from '../../../core/domain/russian-text';
import { errorMessage } from '../api';
import { useApi, useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { ErrorState } from '../ui/ErrorState';
import { notifyOk, submitToApi } from '../ui/forms';
import { Page } from '../ui/Page';
import { useUnsavedChanges } from '../ui/unsaved';
import { LabeledSelect } from '../ui/cases';
import { FormActions } from '../ui/FormActions';

type Service = Out<'services.list'>[number];
type Provider = Out<'providers.list'>[number];

const TYPES = [1, 2, 3, 4, 5, 6, 7, 0] as const;

export function typeName(t: number): string {
  return t === 0 ? URGENT_SERVICES_NAME : `${SERVICE_TYPE_ROMAN[t as ServiceType]}. ${SERVICE_TYPE_NAMES[t as ServiceType]}`;
}

const FORM_SHORT: Record<ServiceForm, string> = { home: 'на дому', 'semi-stationary': 'полустационарная', stationary: 'стационарная' };

const TYPE_PREFIX: Record<number, string> = { 0: 'su', 1: 'sb', 2: 'sm', 3: 'sp', 4: 'sped', 5: 'st', 6: 'spr', 7: 'sk' };

/** The next free code of a type, e.g. «sb-21». */
function nextCode(services: Service[], type: number): string {
  const prefix = TYPE_PREFIX[type] ?? 'su';
  const nums = services.filter((s) => s.code.startsWith(`${prefix}-`)).map((s) => Number(s.code.slice(prefix.length + 1)) || 0);
  return `${prefix}-${String((nums.length ? Math.max(...nums) : 0) + 1).padStart(2, '0')}`;
}

export function CatalogueScreen() {
  const { hasRole } = useSession();
  const admin = hasRole('admin');
  const [tab, setTab] = useState<string>('services');
  const servicesQuery = useApi('services.list', {});
  const providersQuery = useApi('providers.list', {});
  const services = servicesQuery.data ?? null;
  const providers = providersQuery.data ?? null;
  const failed = (servicesQuery.error && !services) || (providersQuery.error && !providers);

  if (failed) {
    const retry = () => {
      void servicesQuery.refetch();
      void providersQuery.refetch();
    };
    return <ErrorState message={errorMessage(servicesQuery.error ?? providersQuery.error)} onRetry={retry} />;
  }

  return (
    <Page title="Услуги и поставщики">
      {!admin && (
        <Text size="sm" c="dimmed">
          Перечень изменяет администратор.
        </Text>
      )}
      <Tabs value={tab} onChange={(v) => v && setTab(v)}>
        <Tabs.List>
          <Tabs.Tab value="services">Услуги</Tabs.Tab>
          <Tabs.Tab value="providers">Поставщики</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="services" pt="sm">
          {!services ? (
            <Center p="xl">
              <Loader aria-label="Загрузка" />
            </Center>
          ) : (
            <ServicesPanel services={services} admin={admin} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="providers" pt="sm">
          {!providers || !services ? (
            <Center p="xl">
              <Loader aria-label="Загрузка" />
            </Center>
          ) : (
            <ProvidersPanel providers={providers} services={services} admin={admin} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

// ------------------------------------------------------------------ services

function ServicesPanel({ services, admin }: { services: Service[]; admin: boolean }) {
  const [type, setType] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const q = foldRu(query);
  const shown = services.filter((s) => (type === null || String(s.type) === type) && (!q || foldRu(`${s.name} ${s.code}`).includes(q)));

  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <LabeledSelect
            label="Вид услуг"
            placeholder="Все виды"
            clearable
            w={420}
            data={TYPES.map((t) => ({ value: String(t), label: typeName(t) }))}
            value={type}
            onChange={setType}
          />
          <TextInput label="Поиск" placeholder="Наименование или код" w={280} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        </Group>
        {admin && <Button onClick={() => setEditing('new')}>Добавить услугу</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        Услуг: {shown.length}
      </Text>
      <Table.ScrollContainer minWidth={800}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Код</Table.Th>
              <Table.Th>Наименование</Table.Th>
              <Table.Th w={130}>Единица</Table.Th>
              <Table.Th w={160} />
              {admin && <Table.Th w={110} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {TYPES.map((t) => {
              const items = shown.filter((s) => s.type === t);
              if (!items.length) return null;
              return [
                <Table.Tr key={`h${t}`} bg="gray.0">
                  <Table.Td colSpan={admin ? 5 : 4}>
                    <Text size="sm" fw={600}>
                      {typeName(t)}
                    </Text>
                  </Table.Td>
                </Table.Tr>,
                ...items.map((s, i) => (
                  <Table.Tr key={s.code} data-testid={`service-${s.code}`} c={s.active ? undefined : 'dimmed'}>
                    <Table.Td>
                      <Text size="sm">{i + 1}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.name}</Text>
                    </Table.Td>
                    <Table.Td>{s.unit}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {s.urgent && (
                          <Badge size="xs" color="orange" variant="light" tt="none">
                            срочная
                          </Badge>
                        )}
                        {!s.active && (
                          <Badge size="xs" color="gray" variant="light" tt="none">
                            не действует
                          </Badge>
                        )}
                        {s.locallyModified && (
                          <Badge size="xs" variant="light" tt="none">
                            изменено локально
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    {admin && (
                      <Table.Td>
                        <Button size="xs" variant="light" onClick={() => setEditing(s)} aria-label={`Изменить услугу «${s.name}»`}>
                          Изменить
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                )),
              ];
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <ServiceModal
          service={editing === 'new' ? null : editing}
          services={services}
          defaultType={type === null ? 1 : Number(type)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notifyOk('Услуга сохранена');
          }}
        />
      )}
    </Stack>
  );
}

function ServiceModal({
  service,
  services,
  defaultType,
  onClose,
  onSaved,
}: {
  service: Service | null;
  services: Service[];
  defaultType: number;
  onClose(): void;
  onSaved(s: Service): void;
}) {
  const save = useApiMutation('services.save');
  const form = useForm({
    initialValues: {
      code: service?.code ?? nextCode(services, defaultType),
      type: String(service?.type ?? defaultType),
      name: service?.name ?? '',
      unit: service?.unit ?? 'услуга',
      urgent: service?.urgent ?? defaultType === 0,
      active: service?.active ?? true,
    },
    validate: {
      code: (v) => (/^[a-z0-9-]+$/.test(v.trim()) ? (!service && services.some((s) => s.code === v.trim()) ? 'Такой код уже есть' : null) : 'Код: латинские буквы, цифры и дефис'),
      name: (v) => (v.trim() ? null : 'Укажите наименование'),
      unit: (v) => (v.trim() ? null : 'Укажите единицу'),
    },
  });
  useUnsavedChanges(form.isDirty());
  const submit = form.onSubmit(async (v) => {
    // A service is saved against the revision it was opened at (a new one: 0).
    const saved = await submitToApi(form, () => save.mutateAsync({ ...v, code: v.code.trim(), type: Number(v.type), rev: service?.rev ?? 0 }), { reload: onClose });
    if (saved) onSaved(saved);
  });
  return (
    <Modal opened onClose={onClose} title={service ? 'Услуга' : 'Новая услуга'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <NativeSelect
            label="Вид услуг"
            required
            data={TYPES.map((t) => ({ value: String(t), label: typeName(t) }))}
            {...form.getInputProps('type')}
            onChange={(e) => {
              const t = e.currentTarget.value;
              form.setFieldValue('type', t);
              if (!service) {
                form.setFieldValue('code', nextCode(services, Number(t)));
                form.setFieldValue('urgent', t === '0');
              }
            }}
          />
          <TextInput label="Код" description="латинские буквы, цифры и дефис; после создания не меняется" required disabled={!!service} {...form.getInputProps('code')} />
          <Textarea label="Наименование" required autosize minRows={2} data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Единица объема" description="например: услуга, день, кв. м, комплект" required w={300} {...form.getInputProps('unit')} />
          <Switch label="Срочная социальная услуга" {...form.getInputProps('urgent', { type: 'checkbox' })} />
          <Switch label="Действует" {...form.getInputProps('active', { type: 'checkbox' })} />
          <FormActions onCancel={onClose} loading={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}

// ------------------------------------------------------------------ providers

/** The mark of the starter providers (resources/reference/providers.json) the administrator is to correct. */
const UNCONFIRMED = '(не подтверждено)';

function ProvidersPanel({ providers, services, admin }: { providers: Provider[]; services: Service[]; admin: boolean }) {
  const [editing, setEditing] = useState<Provider | 'new' | null>(null);
  const [query, setQuery] = useState('');
  const names = useMemo(() => new Map(services.map((s) => [s.code, s.name])), [services]);
  const q = foldRu(query);
  const shown = providers.filter((p) => !q || foldRu(`${p.name} ${p.address} ${p.phone ?? ''} ${p.email ?? ''}`).includes(q));
  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <TextInput label="Поиск" placeholder="Наименование, адрес, телефон" w={360} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        {admin && <Button onClick={() => setEditing('new')}>Добавить поставщика</Button>}
      </Group>
      {providers.some((p) => p.name.includes(UNCONFIRMED)) && (
        <Alert color="yellow" variant="light" data-testid="providers-unconfirmed">
          Поставщики с пометкой «{UNCONFIRMED}» — образец для начала работы, а не данные реестра.
          {admin ? ' Исправьте наименование, адрес, формы и услуги по реестру поставщиков социальных услуг Югры и уберите пометку.' : ' Уточнить их может администратор.'}
        </Alert>
      )}
      {providers.length === 0 ? (
        <Text size="sm" c="dimmed">
          Реестр поставщиков пуст.{admin ? ' Добавьте организации социального обслуживания, которые рекомендуются в ИППСУ.' : ''}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Наименование</Table.Th>
                <Table.Th>Адрес</Table.Th>
                <Table.Th w={160}>Телефон</Table.Th>
                <Table.Th w={180}>Эл. почта</Table.Th>
                <Table.Th w={170}>Формы обслуживания</Table.Th>
                <Table.Th w={90}>Услуги</Table.Th>
                {admin && <Table.Th w={110} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((p) => (
                <Table.Tr key={p.id} data-testid={`provider-${p.id}`} c={p.active ? undefined : 'dimmed'}>
                  <Table.Td>
                    <Text size="sm">{p.name}</Text>
                    {!p.active && (
                      <Badge size="xs" color="gray" variant="light" tt="none">
                        не действует
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{p.address}</Table.Td>
                  <Table.Td>{p.phone}</Table.Td>
                  <Table.Td>{p.email}</Table.Td>
                  <Table.Td>{p.forms.map((f) => FORM_SHORT[f as ServiceForm] ?? f).join(', ')}</Table.Td>
                  <Table.Td>
                    {p.serviceCodes.length ? (
                      <Tooltip
                        multiline
                        w={420}
                        withArrow
                        events={{ hover: true, focus: true, touch: true }}
                        label={p.serviceCodes.map((c) => names.get(c) ?? c).join('; ')}
                      >
                        <Text size="sm" td="underline" style={{ textDecorationStyle: 'dotted', cursor: 'help' }} tabIndex={0}>
                          {p.serviceCodes.length}
                        </Text>
                      </Tooltip>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  {admin && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEditing(p)} aria-label={`Изменить поставщика ${p.name}`}>
                        Изменить
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ProviderModal
          provider={editing === 'new' ? null : editing}
          services={services}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notifyOk('Поставщик сохранён');
          }}
        />
      )}
    </Stack>
  );
}

function ProviderModal({ provider, services, onClose, onSaved }: { provider: Provider | null; services: Service[]; onClose(): void; onSaved(p: Provider): void }) {
  const save = useApiMutation('providers.save');
  const form = useForm({
    initialValues: {
      name: provider?.name ?? '',
      address: provider?.address ?? '',
      phone: provider?.phone ?? '',
      email: provider?.email ?? '',
      forms: (provider?.forms ?? []) as string[],
      serviceCodes: provider?.serviceCodes ?? [],
      active: provider?.active ?? true,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Укажите наименование'),
      address: (v) => (v.trim() ? null : 'Укажите адрес'),
      forms: (v) => (v.length ? null : 'Выберите хотя бы одну форму обслуживания'),
    },
  });
  useUnsavedChanges(form.isDirty());
  const chosen = form.values.serviceCodes;
  const data = TYPES.map((t) => ({
    group: typeName(t),
    items: services.filter((s) => s.type === t && (s.active || chosen.includes(s.code))).map((s) => ({ value: s.code, label: s.name })),
  })).filter((g) => g.items.length);
  const submit = form.onSubmit(async (v) => {
    const saved = await submitToApi(
      form,
      () =>
        save.mutateAsync({
          ...(provider ? { id: provider.id } : {}),
          rev: provider?.rev ?? 0,
          ...v,
          forms: v.forms as ServiceForm[],
          phone: v.phone || undefined,
          email: v.email || undefined,
        }),
      { reload: onClose },
    );
    if (saved) onSaved(saved);
  });
  return (
    <Modal opened onClose={onClose} title={provider ? 'Поставщик социальных услуг' : 'Новый поставщик'} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea label="Наименование" required autosize minRows={1} data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Адрес" required {...form.getInputProps('address')} />
          <Group grow align="flex-start">
            <TextInput label="Телефон" {...form.getInputProps('phone')} />
            <TextInput label="Электронная почта" {...form.getInputProps('email')} />
          </Group>
          <Checkbox.Group label="Формы социального обслуживания" required {...form.getInputProps('forms')}>
            <Stack gap={6} mt={6}>
              {SERVICE_FORMS.map((f) => (
                <Checkbox key={f} value={f} label={SERVICE_FORM_LABELS[f]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <MultiSelect
            label="Предоставляемые услуги"
            description="из перечня услуг"
            placeholder="Начните вводить наименование или код услуги"
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage="Ничего не найдено"
            maxDropdownHeight={320}
            data={data}
            {...form.getInputProps('serviceCodes')}
          />
          <Switch label="Действует" {...form.getInputProps('active', { type: 'checkbox' })} />
          <FormActions onCancel={onClose} loading={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
