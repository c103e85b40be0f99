/**
 * What the act forms (Appendix 3 of a citizen or a family, Appendix 4) share:
 * the frame (status, the save / print bar, the notice that someone else
 * saved meanwhile, what is missing), the header of every act, the
 * citizen's categories, and the signatures.
 */
import { Alert, Badge, Button, Fieldset, Group, List, Paper, SimpleGrid, Spoiler, Stack, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { CITIZEN_CATEGORIES, CITIZEN_CATEGORY_LABELS, DISABILITY_GROUPS } from '../../../core/api/acts';
import type { ActForm, ActSuggestions, ActView } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import { ruDateTime } from '../format';
import { Checks, Choice, DateField, Field, FormBody, Mark, READ_ONLY_CLASS, RowsTable, SubHead, When, WATCHED, formKeyDown, type FormApi, type RowColumn } from '../ui/form-fields';
import { FORM_SECTIONS_CLASS } from '../ui/sections';
import { Guarded } from '../ui/Guarded';
import type { CompareRequest, useActForm } from './useActForm';

export interface ActFormProps {
  c: CaseView;
  saved: ActView | undefined;
  /** Why the act cannot be edited now; null when it can. */
  lockReason: string | null;
  /** A note above the form (e.g. that saving replaces the other version). */
  notice?: ReactNode;
  /** Told whether the form has unsaved changes. */
  onDirty?(dirty: boolean): void;
  /** Offers the side-by-side comparison when someone else saved the act meanwhile. */
  onCompare?(r: CompareRequest): void;
  /** Shown read-only without its toolbar (one side of the comparison). */
  bare?: boolean;
  /** What the office's earlier acts offer a new one (the organisation it starts with, the people who draw acts up). */
  suggestions?: ActSuggestions;
}

/** What the office's earlier acts offer (nothing while loading). */
export const NO_SUGGESTIONS: ActSuggestions = { organizations: [], compilers: [] };

// ------------------------------------------------------------------ the frame

/** «Заполнен полностью / не полностью / не сохранён», and what is missing. */
export function ActStatus({ form, saved, dirty }: { form: ActForm; saved: ActView | undefined; dirty: boolean }) {
  return (
    <Group gap="xs">
      <Badge
        data-testid={`act-status-${form}`}
        data-complete={saved ? String(saved.complete) : 'none'}
        tt="none"
        size="lg"
        variant="light"
        color={!saved ? 'gray' : saved.complete ? 'green' : 'yellow'}
      >
        {!saved ? 'Не сохранён' : saved.complete ? 'Заполнен полностью' : 'Заполнен не полностью'}
      </Badge>
      {dirty && (
        <Badge tt="none" size="lg" variant="outline" color="orange">
          Есть несохранённые изменения
        </Badge>
      )}
      {saved && (
        <Text size="xs" c="dimmed">
          Сохранён {ruDateTime(saved.updatedAt)}, {saved.updatedByName}
        </Text>
      )}
    </Group>
  );
}

/** Someone saved the act while this desk was typing: say so before the save is refused. */
export function ChangedMeanwhile({ saved, onCompare, onTakeSaved }: { saved: ActView | undefined; onCompare?: () => void; onTakeSaved: () => void }) {
  return (
    <Alert color="orange" variant="light" title="Акт изменён другим пользователем" data-testid="act-changed-meanwhile">
      <Stack gap="xs">
        <Text size="sm">
          Пока вы вносили изменения, акт сохранил(а) {saved ? `${saved.updatedByName} (${ruDateTime(saved.updatedAt)})` : 'другой пользователь'}. Ваши изменения не сохранены и остаются
          в форме.
        </Text>
        <Group gap="xs">
          {onCompare && (
            <Button size="xs" variant="light" onClick={onCompare}>
              Сравнить версии
            </Button>
          )}
          <Button size="xs" variant="default" onClick={onTakeSaved}>
            Загрузить сохранённую версию
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function MissingAlert({ saved }: { saved: ActView | undefined }) {
  if (!saved || saved.complete) return null;
  return (
    <Alert color="yellow" variant="light" title={`Не заполнено: ${saved.missing.length}`} data-testid="act-missing">
      <Spoiler maxHeight={96} showLabel="показать всё" hideLabel="свернуть" fz="sm">
        <List size="sm" spacing={2}>
          {saved.missing.map((m, i) => (
            <List.Item key={i}>{m}</List.Item>
          ))}
        </List>
      </Spoiler>
    </Alert>
  );
}

/** The save / print bar, kept in view while the long act is scrolled; with the keys that move through the act. */
export function ActToolbar({ children }: { children: ReactNode }) {
  // Its height, for what sticks under it (the scales' totals); and a field the focus goes to is scrolled clear of it.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    const formEl = el?.closest('form');
    if (!el || !formEl) return;
    const page = document.documentElement.style;
    const ro = new ResizeObserver(() => {
      formEl.style.setProperty('--sd-act-toolbar', `${el.offsetHeight + 4}px`);
      page.scrollPaddingTop = `${el.getBoundingClientRect().height + 110}px`;
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      page.scrollPaddingTop = '';
    };
  }, []);
  return (
    <Paper ref={ref} withBorder p="xs" shadow="xs" style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 56px) + 4px)', zIndex: 5 }}>
      <Group justify="space-between" gap="xs">
        {children}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        Enter — следующий вопрос, Shift+Enter — новая строка, Ctrl+Enter — сохранить. В вариантах ответа: цифра — выбрать, Backspace — очистить.
      </Text>
    </Paper>
  );
}

/** Why an act cannot be printed yet (it prints as saved). */
export function actPrintReason(saved: ActView | undefined, dirty: boolean): string | null {
  return !saved ? 'Сначала сохраните акт' : dirty ? 'Сохраните изменения: печатается сохранённый акт' : null;
}

/** The lock an act form shows: one side of the comparison is read-only. */
export function actLockReason(p: Pick<ActFormProps, 'bare' | 'lockReason'>): string | null {
  return p.bare ? 'Сравнение версий: только просмотр.' : p.lockReason;
}

/**
 * An act form's frame: the bar with the status, «Сохранить» and the form's
 * print buttons; the lock, the notice, someone's save meanwhile and what is
 * missing; then the fields, read-only while the act is locked.
 */
export function ActFrame({
  props,
  edit,
  formName,
  label,
  prints,
  deps,
  children,
}: {
  props: ActFormProps;
  edit: Pick<ReturnType<typeof useActForm>, 'dirty' | 'saving' | 'changedMeanwhile' | 'submit' | 'takeSaved' | 'compare'> & { form: FormApi };
  formName: ActForm;
  /** The form's accessible name. */
  label: string;
  prints: ReactNode;
  /** What from outside the fields they show (see FormBody). */
  deps: readonly unknown[];
  children: ReactNode;
}) {
  const { saved, notice, bare, onCompare } = props;
  const lockReason = actLockReason(props);
  return (
    <form onSubmit={edit.submit} onKeyDown={formKeyDown} noValidate aria-label={bare ? undefined : label}>
      <Stack gap="md">
        {!bare && (
          <ActToolbar>
            <ActStatus form={formName} saved={saved} dirty={edit.dirty} />
            <Group gap="xs">
              <Guarded type="submit" reason={lockReason} loading={edit.saving}>
                Сохранить
              </Guarded>
              {prints}
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
        <FormBody form={edit.form} deps={[lockReason, ...deps]}>
          <Fieldset variant="unstyled" disabled={!!lockReason} p={0} className={lockReason ? READ_ONLY_CLASS : undefined}>
            <Stack gap="md" className={FORM_SECTIONS_CLASS}>
              {children}
            </Stack>
          </Fieldset>
        </FormBody>
      </Stack>
    </form>
  );
}

// ------------------------------------------------------------------ fields of every act

export function ActHeader({ form, organizations }: { form: FormApi; organizations: string[] }) {
  return (
    <Fieldset legend="Реквизиты акта">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Field form={form} path="act.number" label="Номер акта" />
        <DateField form={form} path="act.date" label="Дата акта" />
      </SimpleGrid>
      <Stack gap="xs" mt="xs">
        <Field form={form} path="act.organization" label="Наименование организации социального обслуживания" data={organizations} />
        <Field form={form} path="act.fullName" label="Ф.И.О. гражданина" />
      </Stack>
    </Fieldset>
  );
}

export function Categories({ form }: { form: FormApi }) {
  return (
    <>
      <Checks form={form} path="act.categories" label="Категория гражданина (нужное подчеркнуть)" codes={CITIZEN_CATEGORIES} labels={CITIZEN_CATEGORY_LABELS} />
      <When<string[] | undefined> form={form} path="act.categories" test={(v) => !!v?.includes('disabled')}>
        <Choice
          form={form}
          path="act.disabilityGroup"
          label="Группа инвалидности («инвалид ___ группы»)"
          codes={DISABILITY_GROUPS}
          labels={{ I: 'I группа', II: 'II группа', III: 'III группа' }}
        />
      </When>
    </>
  );
}

const signerColumns = (compilers: ActSuggestions['compilers'], form: FormApi, fill: boolean): RowColumn[] => [
  { key: 'position', title: 'Должность (для присутствующих — статус, степень родства)' },
  {
    key: 'fullName',
    title: 'Ф.И.О.',
    ...(fill && {
      data: compilers.map((s) => s.fullName),
      // Picking a person who drew up an earlier act brings their position along.
      onPick: (name: string, row: string) => {
        const hit = compilers.find((s) => s.fullName === name);
        if (hit?.position) form.setFieldValue(`${row}.position`, hit.position, WATCHED);
      },
    }),
  },
];

export const SIGNER_ROW = { position: '', fullName: '' };

/** «Составил», «Присутствовали», the date, and the citizen's confirmation and consent. */
export function Signatures({ form, what, agreement, compilers }: { form: FormApi; what: string; agreement?: boolean; compilers: ActSuggestions['compilers'] }) {
  return (
    <Fieldset legend="Подписи">
      <Stack gap="sm">
        <RowsTable
          form={form}
          path="act.compiledBy"
          what="Составил"
          label={`${what[0].toUpperCase()}${what.slice(1)} составил`}
          row={SIGNER_ROW}
          max={5}
          addLabel="Добавить составившего"
          columns={signerColumns(compilers, form, true)}
          minWidth={600}
        />
        <RowsTable
          form={form}
          path="act.present"
          what="Присутствовали"
          label="Присутствовали при составлении акта"
          row={SIGNER_ROW}
          max={10}
          addLabel="Добавить присутствовавшего"
          columns={signerColumns(compilers, form, false)}
          minWidth={600}
        />
        <DateField form={form} path="act.signaturesDate" label="Дата подписей" description="если не указана, печатается дата акта" w={260} />
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <SubHead>Гражданин</SubHead>
            <Field form={form} path="act.citizen.fullName" label="Ф.И.О. гражданина (законного представителя), подписавшего акт" />
            <Mark form={form} path="act.citizen.confirmed" label="Достоверность и полноту настоящих сведений подтверждаю" />
            <Mark
              form={form}
              path="act.citizen.pdConsent"
              label="На обработку персональных данных о себе в соответствии со статьей 9 Федерального закона от 27 июля 2006 года № 152-ФЗ «О персональных данных» согласен (на)"
            />
            {agreement && <Mark form={form} path="act.citizen.agreed" label="С условиями предоставления социальных услуг ознакомлен (на) и согласен (на)" />}
            <DateField form={form} path="act.citizen.date" label="Дата подписи гражданина" description="если не указана, печатается дата подписей" w={260} />
          </Stack>
        </Paper>
      </Stack>
    </Fieldset>
  );
}
