/**
 * The Appendix 4 act («Акт оценки индивидуальной потребности гражданина»)
 * field by field as printed, with its seven service tables; and the service
 * table itself (a service picked from the catalogue of its type, or typed),
 * which the ИППСУ form uses too.
 */
import { ActionIcon, Autocomplete, Box, Button, Fieldset, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import {
  ACT_SEX_LABELS,
  ACT_SEXES,
  ESCORT_NEED_LABELS,
  ESCORT_NEEDS,
  PAYMENT_CONDITION_LABELS,
  PAYMENT_CONDITIONS,
  SERVICE_FORM_LABELS,
  SERVICE_FORMS,
  SERVICE_TYPE_LABELS,
  SERVICE_TYPES,
  STAY_BASES,
  STAY_BASIS_LABELS,
  type ServiceType as ActServiceType,
} from '../../../core/api/acts';
import type { Out } from '../../../core/api/contract';
import type { ActView } from '../../../core/api/processing';
import { useApi, useApiMutation } from '../data/queries';
import { Guarded } from '../ui/Guarded';
import { printForm } from '../ui/download';
import {
  ActHeader,
  ActStatus,
  ActToolbar,
  Categories,
  Checks,
  Choice,
  CITIZEN_SIGNATURE_TPL,
  DateField,
  Field,
  Area,
  ChangedMeanwhile,
  MissingAlert,
  Signatures,
  SIGNER_ROW,
  TextRows,
  applicantFullName,
  Memo,
  READ_ONLY_CLASS,
  SIGNATURE_KEYS,
  depOf,
  useBind,
  fromSaved,
  list,
  multi,
  rowsOf,
  type ActData,
  type ActFormProps,
  type ActValues,
  type Bind,
} from './Appendix3Form';
import { useActForm } from './useActForm';

// ------------------------------------------------------------------ the catalogue

export type CatalogueService = Out<'services.list'>[number];

const NO_SERVICES: CatalogueService[] = [];

/** The service catalogue (empty while loading). */
export function useServices(): CatalogueService[] {
  return useApi('services.list', {}).data ?? NO_SERVICES;
}

/** The act's seven tables and the catalogue's (and ИППСУ's) service types 1–7. */
export const ACT_TABLE_TYPE: Record<ActServiceType, number> = {
  household: 1,
  medical: 2,
  psychological: 3,
  pedagogical: 4,
  labor: 5,
  legal: 6,
  communicative: 7,
};

export interface ServiceTableKeys {
  /** Where the catalogue code goes: 'code' in the act, 'serviceCode' in the ИППСУ. */
  code: string;
  /** 'frequency' in the act, 'periodicity' in the ИППСУ. */
  frequency: string;
}

/**
 * A service table: each row a service from the catalogue of this type
 * (picking one fills the name and remembers its code) or typed by hand,
 * with its volume, periodicity and term.
 */
export function ServiceTable({
  b,
  path,
  indexes,
  keys,
  catalogue,
  caption,
  nameColumn,
  onAdd,
  onRemove,
  testId,
}: {
  b: Bind;
  /** The array the rows live in. */
  path: string;
  /** Which of its rows belong to this table. */
  indexes: number[];
  keys: ServiceTableKeys;
  catalogue: CatalogueService[];
  caption: ReactNode;
  nameColumn: string;
  onAdd(): void;
  onRemove(index: number): void;
  testId?: string;
}) {
  const options = useMemo(() => [...new Set(catalogue.filter((s) => s.active).map((s) => s.name))], [catalogue]);
  const short = typeof caption === 'string' && caption.length > 40 ? 'Коммуникативные' : caption;
  return (
    <Box data-testid={testId}>
      <Group justify="space-between" mb={4} gap="xs">
        <Text size="sm" fw={600}>
          {caption}
        </Text>
        <Button className="sd-edit-only" size="compact-sm" variant="light" onClick={onAdd}>
          Добавить услугу
        </Button>
      </Group>
      {indexes.length === 0 ? (
        <Text size="xs" c="dimmed">
          Услуги этого вида не назначены.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900} type="native">
          <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={32}>№</Table.Th>
                <Table.Th>{nameColumn}</Table.Th>
                <Table.Th w={150}>Объем</Table.Th>
                <Table.Th w={190}>Периодичность</Table.Th>
                <Table.Th w={150}>Срок</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indexes.map((idx, n) => {
                const row = `${path}.${idx}`;
                const code = (b.value(`${row}.${keys.code}`) as string) ?? '';
                const hit = code ? catalogue.find((s) => s.code === code) : undefined;
                const where = `${typeof short === 'string' ? short : 'Услуги'}, строка ${n + 1}`;
                return (
                  <Table.Tr key={idx} data-testid={testId ? `${testId}-row-${n + 1}` : undefined}>
                    <Table.Td ta="center" style={{ verticalAlign: 'top' }}>
                      {n + 1}
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Autocomplete
                        size="xs"
                        aria-label={`${where}: наименование услуги`}
                        placeholder="Выберите из перечня или введите"
                        data={options}
                        limit={50}
                        maxDropdownHeight={280}
                        comboboxProps={{ width: 560, position: 'bottom-start' }}
                        value={(b.value(`${row}.name`) as string) ?? ''}
                        onChange={(v) => {
                          b.set(`${row}.name`, v);
                          const found = catalogue.find((s) => s.name === v);
                          b.set(`${row}.${keys.code}`, found?.code ?? '');
                        }}
                        error={b.error(`${row}.name`)}
                        title={(b.value(`${row}.name`) as string) ?? ''}
                      />
                      <Text size="xs" c="dimmed" mt={2}>
                        {hit ? `из перечня, единица: ${hit.unit}` : (b.value(`${row}.name`) as string) ? 'введена вручную' : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <TextInput size="xs" aria-label={`${where}: объем`} placeholder={hit ? `напр. 8 (${hit.unit})` : 'напр. 8 услуг'} {...b.input(`${row}.volume`)} />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <TextInput size="xs" aria-label={`${where}: периодичность`} placeholder="напр. 2 раза в неделю" {...b.input(`${row}.${keys.frequency}`)} />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <TextInput size="xs" aria-label={`${where}: срок`} placeholder="напр. 6 месяцев" {...b.input(`${row}.term`)} />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <ActionIcon className="sd-edit-only" variant="subtle" color="red" aria-label={`${where}: удалить`} title="Удалить услугу" onClick={() => onRemove(idx)}>
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Box>
  );
}

// ------------------------------------------------------------------ the act

const SERVICE_ROW = { code: '', name: '', volume: '', frequency: '', term: '' };

export const APPENDIX4_TPL = {
  date: '',
  number: '',
  organization: '',
  fullName: '',
  birthDate: '',
  sex: '',
  categories: multi(),
  disabilityGroup: '',
  serviceForms: multi(),
  paymentConditions: '',
  services: Object.fromEntries(SERVICE_TYPES.map((t) => [t, rowsOf(SERVICE_ROW)])),
  duration: { homeUntil: '', stationaryBasis: '', stationaryUntil: '', specialBasis: '', specialUntil: '', semiUntil: '' },
  escort: '',
  escortKinds: list(),
  additionalInfo: '',
  compiledBy: rowsOf(SIGNER_ROW, 1),
  present: rowsOf(SIGNER_ROW),
  signaturesDate: '',
  citizen: { ...CITIZEN_SIGNATURE_TPL, agreed: false },
} as Parameters<typeof fromSaved>[0];

/**
 * What a new Appendix 4 act takes from the case's Appendix 3 act of the same
 * centre: the organisation, the citizen's categories with the disability
 * group, and who compiled it.
 */
function fromAppendix3(c: ActFormProps['c']): Record<string, unknown> {
  const a3 = c.acts.find((a) => a.form !== 'appendix4')?.act as Record<string, unknown> | undefined;
  if (!a3) return {};
  const taken: Record<string, unknown> = {};
  for (const k of ['organization', 'categories', 'disabilityGroup', 'compiledBy']) if (a3[k] !== undefined && a3[k] !== '') taken[k] = a3[k];
  return taken;
}

const values = (act: unknown): ActValues => ({ act: fromSaved(APPENDIX4_TPL, act) as Record<string, unknown>, barthel: {}, lawton: {} });

export function Appendix4Form({ c, saved, notice, onDirty, onCompare, bare, ...props }: ActFormProps) {
  const lockReason = bare ? 'Сравнение версий: только просмотр.' : props.lockReason;
  const catalogue = useServices();
  const toValues = (a: ActView | undefined): ActValues =>
    a
      ? values(a.act)
      : values({ ...fromAppendix3(c), fullName: applicantFullName(c), birthDate: c.applicant.birthDate, sex: c.applicant.sex, citizen: { fullName: applicantFullName(c) } });
  const edit = useActForm({
    c,
    saved,
    formName: 'appendix4',
    toValues,
    toInput: (v) => ({ act: v.act }),
    bare,
    onDirty,
    onCompare,
    savedMessage: (fresh) => (fresh?.complete ? 'Акт оценки сохранён: заполнен полностью' : 'Акт оценки сохранён (заполнен не полностью)'),
  });
  const { form, dirty, submit } = edit;
  const b = useBind(form);
  const [printing, setPrinting] = useState<string | null>(null);
  const printAct = useApiMutation('acts.print');
  const printBlank = useApiMutation('acts.blank');

  const act = form.getValues().act as ActData;
  const forms = act.serviceForms as string[];
  const dep = depOf(act, JSON.stringify(form.errors) + String(!!lockReason) + String(catalogue.length));
  const printReason = !saved ? 'Сначала сохраните акт' : dirty ? 'Сохраните изменения: печатается сохранённый акт' : null;

  return (
    <form onSubmit={submit} noValidate aria-label={bare ? undefined : 'Акт оценки индивидуальной потребности'}>
      <Stack gap="md">
        {!bare && (
        <ActToolbar>
          <ActStatus form="appendix4" saved={saved} dirty={dirty} />
          <Group gap="xs">
            <Guarded type="submit" reason={lockReason} loading={edit.saving}>
              Сохранить
            </Guarded>
            <Guarded
              variant="default"
              reason={printReason}
              loading={printing === 'act'}
              onClick={() => printForm(() => printAct.mutateAsync({ caseId: c.id, form: 'appendix4' }), (on) => setPrinting(on ? 'act' : null))}
            >
              Печать акта
            </Guarded>
            <Button
              variant="subtle"
              loading={printing === 'blank'}
              onClick={() => printForm(() => printBlank.mutateAsync({ form: 'appendix4', caseId: c.id }), (on) => setPrinting(on ? 'blank' : null))}
            >
              Пустой бланк
            </Button>
          </Group>
        </ActToolbar>
        )}
        {lockReason && !bare && (
          <Text size="sm" c="dimmed">
            {lockReason}
          </Text>
        )}
        {!bare && notice}
        {edit.changedMeanwhile && <ChangedMeanwhile saved={saved} onCompare={onCompare ? edit.compare : undefined} onTakeSaved={edit.takeSaved} />}
        {!bare && <MissingAlert saved={saved} />}

        <Fieldset variant="unstyled" disabled={!!lockReason} p={0} className={lockReason ? READ_ONLY_CLASS : undefined}>
          <Stack gap="md">
            <Memo dep={dep(['number', 'date', 'organization', 'fullName'])} render={() => <ActHeader b={b} />} />
            <Memo
              dep={dep(['birthDate', 'sex', 'categories', 'disabilityGroup'])}
              render={() => (
            <Fieldset legend="Гражданин">
              <Stack gap="sm">
                <Group align="flex-start" gap="lg">
                  <DateField b={b} path="act.birthDate" label="Дата рождения" />
                  <Choice b={b} path="act.sex" label="Пол (нужное подчеркнуть)" codes={ACT_SEXES} labels={ACT_SEX_LABELS} />
                </Group>
                <Categories b={b} act={act} />
              </Stack>
            </Fieldset>
              )}
            />

            <Memo
              dep={dep(['serviceForms', 'paymentConditions'])}
              render={() => (
            <Fieldset legend="Рекомендации">
              <Stack gap="sm">
                <Checks
                  b={b}
                  path="act.serviceForms"
                  label="Рекомендованные формы социального обслуживания (нужное подчеркнуть)"
                  codes={SERVICE_FORMS}
                  labels={SERVICE_FORM_LABELS}
                />
                <Choice
                  b={b}
                  path="act.paymentConditions"
                  label="Условия предоставления социального обслуживания (нужное подчеркнуть)"
                  codes={PAYMENT_CONDITIONS}
                  labels={PAYMENT_CONDITION_LABELS}
                />
              </Stack>
            </Fieldset>
              )}
            />

            <Memo
              dep={dep(['services'])}
              render={() => (
            <Fieldset legend="Рекомендованные виды, объем, периодичность социальных услуг">
              <Stack gap="md">
                {SERVICE_TYPES.map((t) => {
                  const path = `act.services.${t}`;
                  const rows = (b.value(path) as unknown[]) ?? [];
                  return (
                    <ServiceTable
                      key={t}
                      b={b}
                      path={path}
                      indexes={rows.map((_, i) => i)}
                      keys={{ code: 'code', frequency: 'frequency' }}
                      catalogue={catalogue.filter((s) => s.type === ACT_TABLE_TYPE[t])}
                      caption={SERVICE_TYPE_LABELS[t].caption}
                      nameColumn={SERVICE_TYPE_LABELS[t].nameColumn}
                      onAdd={() => b.add(path, { ...SERVICE_ROW })}
                      onRemove={(i) => b.remove(path, i)}
                      testId={`act4-services-${t}`}
                    />
                  );
                })}
              </Stack>
            </Fieldset>
              )}
            />

            <Memo
              dep={dep(['serviceForms', 'duration'])}
              render={() => (
            <Fieldset legend="Рекомендуемая продолжительность предоставления социальных услуг">
              <Stack gap="sm">
                {forms.length === 0 && (
                  <Text size="sm" c="dimmed">
                    Выберите рекомендованную форму социального обслуживания — появятся её сроки.
                  </Text>
                )}
                {forms.includes('home') && <Field b={b} path="act.duration.homeUntil" label="В форме социального обслуживания на дому: на срок до" placeholder="например, 31.12.2027" w={420} />}
                {forms.includes('stationary') && (
                  <Group align="flex-start" gap="lg">
                    <Choice b={b} path="act.duration.stationaryBasis" label="В стационарной форме" codes={STAY_BASES} labels={STAY_BASIS_LABELS} />
                    {act.duration.stationaryBasis === 'temporary' && <Field b={b} path="act.duration.stationaryUntil" label="В стационарной форме: на срок до" />}
                  </Group>
                )}
                {forms.includes('stationary_special') && (
                  <Group align="flex-start" gap="lg">
                    <Choice
                      b={b}
                      path="act.duration.specialBasis"
                      label="В стационарной форме социального обслуживания со специальным социальным обслуживанием"
                      codes={STAY_BASES}
                      labels={STAY_BASIS_LABELS}
                    />
                    {act.duration.specialBasis === 'temporary' && <Field b={b} path="act.duration.specialUntil" label="Со специальным социальным обслуживанием: на срок до" />}
                  </Group>
                )}
                {forms.includes('semi_stationary') && (
                  <Field b={b} path="act.duration.semiUntil" label="В полустационарной форме социального обслуживания: на срок до" placeholder="например, 31.12.2027" w={420} />
                )}
              </Stack>
            </Fieldset>
              )}
            />

            <Memo
              dep={dep(['escort', 'escortKinds', 'additionalInfo'])}
              render={() => (
            <Fieldset legend="Социальное сопровождение">
              <Stack gap="sm">
                <Choice b={b} path="act.escort" label="Необходимость социального сопровождения (нужное подчеркнуть)" codes={ESCORT_NEEDS} labels={ESCORT_NEED_LABELS} />
                {act.escort === 'needed' && (
                  <TextRows b={b} path="act.escortKinds" what="Вид социального сопровождения" label="Вид социального сопровождения" max={20} addLabel="Добавить вид сопровождения" />
                )}
                <Area b={b} path="act.additionalInfo" label="Дополнительные данные" />
              </Stack>
            </Fieldset>
              )}
            />

            <Memo dep={dep(SIGNATURE_KEYS)} render={() => <Signatures b={b} what="акт оценки индивидуальной потребности гражданина" agreement />} />
          </Stack>
        </Fieldset>
      </Stack>
    </form>
  );
}
