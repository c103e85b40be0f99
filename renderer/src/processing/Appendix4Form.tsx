/**
 * The Appendix 4 act («Акт оценки индивидуальной потребности гражданина»)
 * field by field as printed, with its seven service tables. A new act starts
 * from the case's Appendix 3 act (the organisation, the categories with the
 * disability group, who drew it up) and the applicant (name, birth date,
 * sex); the date is today's.
 */
import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
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
  ServiceRow,
  STAY_BASES,
  STAY_BASIS_LABELS,
  type ServiceType,
} from '../../../core/api/acts';
import type { ActView } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import { hostToday } from '../clock';
import { useApiMutation } from '../data/queries';
import { printForm } from '../ui/download';
import { Area, Checks, Choice, DateField, Field, TextRows, When, useValue, type FormApi } from '../ui/form-fields';
import { Guarded } from '../ui/Guarded';
import { fullNameOf } from '../ui/person';
import { ActFrame, ActHeader, Categories, NO_SUGGESTIONS, Signatures, actPrintReason, type ActFormProps } from './act-parts';
import { NEED_FORM, draftOf, type ActValues, type NeedDraft } from './act-values';
import { ACT_TABLE_TYPE, ServiceTable, useServices } from './ServiceTable';
import { useActForm } from './useActForm';

const NEED_ACT = NEED_FORM.shape.act;
const SERVICE_ROW = draftOf(ServiceRow, {});

/**
 * A new act: what the case's Appendix 3 act of the same centre says (the
 * organisation, the categories with the group, who drew it up), else the
 * office's latest organisation; the applicant's name, birth date and sex.
 */
function newNeedAct(c: CaseView, organization: string): NeedDraft {
  const a3 = c.acts.find((a) => a.form !== 'appendix4')?.act;
  const act = draftOf(NEED_ACT, a3 ? { organization: a3.organization, categories: a3.categories, disabilityGroup: a3.disabilityGroup, compiledBy: a3.compiledBy } : {});
  const name = fullNameOf(c.applicant);
  act.date = hostToday();
  act.organization ||= organization;
  act.fullName = name;
  act.birthDate = c.applicant.birthDate;
  act.sex = c.applicant.sex === 'male' || c.applicant.sex === 'female' ? c.applicant.sex : '';
  act.citizen.fullName = name;
  if (act.compiledBy.length === 0) act.compiledBy = [{ position: '', fullName: '' }];
  return act;
}

/** The recommended duration, for each form of service chosen. */
function Durations({ form }: { form: FormApi }) {
  const forms = useValue<string[] | undefined>(form, 'act.serviceForms') ?? [];
  const temporary = (v: unknown) => v === 'temporary';
  return (
    <Fieldset legend="Рекомендуемая продолжительность предоставления социальных услуг">
      <Stack gap="sm">
        {forms.length === 0 && (
          <Text size="sm" c="dimmed">
            Выберите рекомендованную форму социального обслуживания — появятся её сроки.
          </Text>
        )}
        {forms.includes('home') && <Field form={form} path="act.duration.homeUntil" label="В форме социального обслуживания на дому: на срок до" placeholder="например, 31.12.2027" w={420} />}
        {forms.includes('stationary') && (
          <Group align="flex-start" gap="lg">
            <Choice form={form} path="act.duration.stationaryBasis" label="В стационарной форме" codes={STAY_BASES} labels={STAY_BASIS_LABELS} />
            <When form={form} path="act.duration.stationaryBasis" test={temporary}>
              <Field form={form} path="act.duration.stationaryUntil" label="В стационарной форме: на срок до" />
            </When>
          </Group>
        )}
        {forms.includes('stationary_special') && (
          <Group align="flex-start" gap="lg">
            <Choice
              form={form}
              path="act.duration.specialBasis"
              label="В стационарной форме социального обслуживания со специальным социальным обслуживанием"
              codes={STAY_BASES}
              labels={STAY_BASIS_LABELS}
            />
            <When form={form} path="act.duration.specialBasis" test={temporary}>
              <Field form={form} path="act.duration.specialUntil" label="Со специальным социальным обслуживанием: на срок до" />
            </When>
          </Group>
        )}
        {forms.includes('semi_stationary') && (
          <Field form={form} path="act.duration.semiUntil" label="В полустационарной форме социального обслуживания: на срок до" placeholder="например, 31.12.2027" w={420} />
        )}
      </Stack>
    </Fieldset>
  );
}

/** One of the seven service tables of the act. */
function ActServices({ form, type, catalogue }: { form: FormApi; type: ServiceType; catalogue: ReturnType<typeof useServices> }) {
  const path = `act.services.${type}`;
  const rows = useValue<unknown[] | undefined>(form, path) ?? [];
  return (
    <ServiceTable
      form={form}
      path={path}
      indexes={rows.map((_, i) => i)}
      rowCount={rows.length}
      keys={{ code: 'code', frequency: 'frequency' }}
      catalogue={catalogue.filter((s) => s.type === ACT_TABLE_TYPE[type])}
      caption={SERVICE_TYPE_LABELS[type].caption}
      nameColumn={SERVICE_TYPE_LABELS[type].nameColumn}
      onAdd={() => form.insertListItem(path, { ...SERVICE_ROW })}
      testId={`act4-services-${type}`}
    />
  );
}

export function Appendix4Form(props: ActFormProps) {
  const { c, saved, onDirty, onCompare, bare, suggestions = NO_SUGGESTIONS } = props;
  const catalogue = useServices();
  const toValues = (a: ActView | undefined): ActValues<NeedDraft> => ({
    act: a ? draftOf(NEED_ACT, a.act) : newNeedAct(c, suggestions.organizations[0] ?? ''),
    barthel: {},
    lawton: {},
  });
  const edit = useActForm({
    c,
    saved,
    formName: 'appendix4',
    schema: NEED_FORM,
    toValues,
    bare,
    onDirty,
    onCompare,
    savedMessage: (fresh) => (fresh?.complete ? 'Акт оценки сохранён: заполнен полностью' : 'Акт оценки сохранён (заполнен не полностью)'),
  });
  const { dirty } = edit;
  const form: FormApi = edit.form;
  const [printing, setPrinting] = useState<string | null>(null);
  const printAct = useApiMutation('acts.print');
  const printBlank = useApiMutation('acts.blank');
  const printReason = actPrintReason(saved, dirty);

  return (
    <ActFrame
      props={props}
      edit={edit}
      formName="appendix4"
      label="Акт оценки индивидуальной потребности"
      deps={[suggestions, catalogue]}
      prints={
        <>
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
        </>
      }
    >
      <ActHeader form={form} organizations={suggestions.organizations} />
      <Fieldset legend="Гражданин">
        <Stack gap="sm">
          <Group align="flex-start" gap="lg">
            <DateField form={form} path="act.birthDate" label="Дата рождения" />
            <Choice form={form} path="act.sex" label="Пол (нужное подчеркнуть)" codes={ACT_SEXES} labels={ACT_SEX_LABELS} />
          </Group>
          <Categories form={form} />
        </Stack>
      </Fieldset>

      <Fieldset legend="Рекомендации">
        <Stack gap="sm">
          <Checks form={form} path="act.serviceForms" label="Рекомендованные формы социального обслуживания (нужное подчеркнуть)" codes={SERVICE_FORMS} labels={SERVICE_FORM_LABELS} />
          <Choice
            form={form}
            path="act.paymentConditions"
            label="Условия предоставления социального обслуживания (нужное подчеркнуть)"
            codes={PAYMENT_CONDITIONS}
            labels={PAYMENT_CONDITION_LABELS}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Рекомендованные виды, объем, периодичность социальных услуг">
        <Stack gap="md">
          {SERVICE_TYPES.map((t) => (
            <ActServices key={t} form={form} type={t} catalogue={catalogue} />
          ))}
        </Stack>
      </Fieldset>

      <Durations form={form} />

      <Fieldset legend="Социальное сопровождение">
        <Stack gap="sm">
          <Choice form={form} path="act.escort" label="Необходимость социального сопровождения (нужное подчеркнуть)" codes={ESCORT_NEEDS} labels={ESCORT_NEED_LABELS} />
          <When form={form} path="act.escort" test={(v) => v === 'needed'}>
            <TextRows form={form} path="act.escortKinds" what="Вид социального сопровождения" label="Вид социального сопровождения" max={20} addLabel="Добавить вид сопровождения" />
          </When>
          <Area form={form} path="act.additionalInfo" label="Дополнительные данные" />
        </Stack>
      </Fieldset>

      <Signatures form={form} compilers={suggestions.compilers} what="акт оценки индивидуальной потребности гражданина" agreement />
    </ActFrame>
  );
}
