/**
 * «Выдача» (p.47): the signed result is issued in person (to the applicant
 * or the representative) or sent by post (address, postal identifier)
 * within 5 working days of signing; what was issued and how. Also the
 * applicant's withdrawal of an open application.
 */
import { Alert, Button, Card, Group, Modal, Radio, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ISSUE_METHOD_LABELS } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import { allowedTransitions } from '../../../core/domain/case-states';
import { useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { DueBadge } from '../ui/DueBadge';
import { notifyOk, submitToApi } from '../ui/forms';
import { RuDateInput } from '../ui/RuDateInput';
import { useUnsavedChanges } from '../ui/unsaved';
import { ruDate, ruDateTime } from '../format';
import { Guarded } from '../ui/Guarded';
import { livingAddressOf } from '../ui/person';
import { dueUrgency, useWorkCalendar } from '../data/calendar';
import { hostToday } from '../clock';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function InfoRows({ rows }: { rows: [string, string][] }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4} fz="sm">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={220} fw={500} c="dimmed">
              {label}
            </Table.Th>
            <Table.Td>{value || '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function IssueTab({ c }: { c: CaseView }) {
  const { hasRole } = useSession();
  const cal = useWorkCalendar();
  const [withdrawing, setWithdrawing] = useState(false);
  const signed = c.decisions.find((d) => d.status === 'signed');
  const canWithdraw = allowedTransitions(c.status).includes('withdrawn');
  const staff = hasRole('reception', 'specialist');
  const title = signed ? `${signed.kind === 'ippsu' ? 'ИППСУ' : 'Уведомление об отказе'}, исх. № ${signed.outgoingNumber} от ${ruDate(signed.signedAt)}` : '';

  return (
    <Stack gap="md">
      {c.status === 'issued' && signed ? (
        <Card withBorder data-testid="issued">
          <Title order={5} mb="xs">
            Результат выдан
          </Title>
          <InfoRows
            rows={[
              ['Документ', title],
              ['Подписал', `${signed.signedByName ?? ''}, ${ruDateTime(signed.signedAt)}`],
              ['Способ', ISSUE_METHOD_LABELS[signed.issueMethod as keyof typeof ISSUE_METHOD_LABELS] ?? signed.issueMethod ?? ''],
              ['Дата', ruDate(signed.issuedDate)],
              ...(signed.issueMethod === 'post'
                ? ([
                    ['Адрес отправки', signed.postalAddress ?? ''],
                    ['Почтовый идентификатор', signed.postalId ?? ''],
                  ] as [string, string][])
                : ([['Кому выдано', signed.issuedTo === 'representative' ? `представителю${c.representative ? ` (${str(c.representative.fullName)})` : ''}` : 'заявителю']] as [string, string][])),
              ...(c.deadlines.issue ? ([['Срок выдачи', ruDate(c.deadlines.issue)]] as [string, string][]) : []),
            ]}
          />
          {c.deadlines.issue && signed.issuedDate && signed.issuedDate > c.deadlines.issue && (
            <Text size="sm" c="red" mt="xs">
              Выдано с нарушением срока п. 47.
            </Text>
          )}
        </Card>
      ) : c.status === 'signed' && signed ? (
        <IssueForm c={c} signedTitle={title} due={c.deadlines.issue} urgency={c.deadlines.issue ? dueUrgency(cal, c.deadlines.issue) : null} staff={staff} />
      ) : (
        <Text size="sm" c="dimmed">
          {c.status === 'withdrawn'
            ? 'Заявление отозвано: результат не выдаётся.'
            : c.status === 'annulled'
              ? 'Регистрация аннулирована.'
              : 'Выдача возможна после того, как руководитель подпишет решение (вкладка «Решение»).'}
        </Text>
      )}

      {canWithdraw && (
        <Card withBorder>
          <Group justify="space-between" align="center">
            <div>
              <Title order={5}>Отзыв заявления</Title>
              <Text size="sm" c="dimmed">
                Заявитель вправе отозвать заявление до подписания результата. Дело закрывается.
              </Text>
            </div>
            <Guarded color="red" variant="light" reason={staff ? null : 'Отзыв оформляет приём или специалист.'} onClick={() => setWithdrawing(true)}>
              Отзыв заявления
            </Guarded>
          </Group>
        </Card>
      )}
      {withdrawing && (
        <WithdrawModal
          c={c}
          onClose={() => setWithdrawing(false)}
          onDone={() => {
            setWithdrawing(false);
            notifyOk('Заявление отозвано');
          }}
        />
      )}
    </Stack>
  );
}

function IssueForm({
  c,
  signedTitle,
  due,
  urgency,
  staff,
}: {
  c: CaseView;
  signedTitle: string;
  due: string | null;
  urgency: ReturnType<typeof dueUrgency> | null;
  staff: boolean;
}) {
  const issue = useApiMutation('cases.issue');
  // The issue is recorded against the case as it was when this form appeared.
  const [rev] = useState(c.rev);
  const form = useForm({
    initialValues: {
      method: 'in_person' as 'in_person' | 'post',
      issuedTo: 'applicant' as 'applicant' | 'representative',
      postalAddress: livingAddressOf(c.applicant),
      postalId: '',
      date: hostToday(),
    },
    validate: {
      date: (v) => (v ? null : 'Укажите дату'),
      postalAddress: (v, all) => (all.method === 'post' && !v.trim() ? 'Укажите адрес отправки' : null),
      postalId: (v, all) => (all.method === 'post' && !v.trim() ? 'Укажите почтовый идентификатор' : null),
    },
  });
  const v = form.getValues();
  useUnsavedChanges(form.isDirty());
  const submit = form.onSubmit(async (x) => {
    const next = await submitToApi(form, () =>
      issue.mutateAsync({
        caseId: c.id,
        rev,
        method: x.method,
        date: x.date,
        issuedTo: x.method === 'in_person' ? x.issuedTo : undefined,
        postalAddress: x.method === 'post' ? x.postalAddress : undefined,
        postalId: x.method === 'post' ? x.postalId : undefined,
      }),
    );
    if (next) {
      notifyOk(x.method === 'post' ? 'Результат направлен почтой' : 'Результат выдан');
    }
  });
  const rep = c.representative;
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label="Выдача результата">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={5}>Выдача результата</Title>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                Выдать не позднее (5 рабочих дней со дня подписания, п. 47):
              </Text>
              <DueBadge date={due} urgency={urgency} />
            </Group>
          </Group>
          <Text size="sm">{signedTitle}</Text>
          <Radio.Group label="Способ выдачи" required value={v.method} onChange={(m) => form.setFieldValue('method', m as 'in_person' | 'post')}>
            <Group mt={6} gap="lg">
              <Radio value="in_person" label={ISSUE_METHOD_LABELS.in_person} />
              <Radio value="post" label={ISSUE_METHOD_LABELS.post} />
            </Group>
          </Radio.Group>
          {v.method === 'in_person' ? (
            <Radio.Group label="Кому выдан результат" required {...form.getInputProps('issuedTo')}>
              <Group mt={6} gap="lg">
                <Radio value="applicant" label="заявителю" />
                <Radio value="representative" label={rep ? `представителю (${str(rep.fullName)})` : 'представителю'} disabled={!rep} />
              </Group>
            </Radio.Group>
          ) : (
            <Group align="flex-start" grow>
              <TextInput label="Адрес отправки" required {...form.getInputProps('postalAddress')} />
              <TextInput label="Почтовый идентификатор" description="ШПИ, 14 цифр" required maw={260} {...form.getInputProps('postalId')} />
            </Group>
          )}
          <RuDateInput
            label={v.method === 'post' ? 'Дата отправки' : 'Дата выдачи'}
            required
            w={200}
            value={v.date}
            onChange={(iso) => form.setFieldValue('date', iso)}
            error={form.errors.date}
          />
          <Group>
            <Guarded type="submit" reason={staff ? null : 'Выдачу отмечает приём или специалист.'} loading={form.submitting}>
              {v.method === 'post' ? 'Отметить отправку почтой' : 'Отметить выдачу'}
            </Guarded>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function WithdrawModal({ c, onClose, onDone }: { c: CaseView; onClose(): void; onDone(): void }) {
  const withdraw = useApiMutation('cases.withdraw');
  const [rev] = useState(c.rev);
  const form = useForm({
    initialValues: { date: hostToday(), reason: '' },
    validate: {
      date: (v) => (v ? null : 'Укажите дату'),
      reason: (v) => (v.trim() ? null : 'Укажите причину отзыва'),
    },
  });
  useUnsavedChanges(form.isDirty());
  const submit = form.onSubmit(async (x) => {
    const next = await submitToApi(form, () => withdraw.mutateAsync({ caseId: c.id, rev, date: x.date, reason: x.reason }), { reload: onClose });
    if (next) onDone();
  });
  return (
    <Modal opened onClose={onClose} title={`Отзыв заявления № ${c.journalNumber}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="red" variant="light">
            Дело будет закрыто: отменить отзыв нельзя. Если заявитель обратится снова, регистрируется новое заявление.
          </Alert>
          <RuDateInput label="Дата отзыва" required w={200} value={form.values.date} onChange={(iso) => form.setFieldValue('date', iso)} error={form.errors.date} />
          <Textarea label="Причина отзыва" required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" color="red" loading={form.submitting}>
              Отозвать заявление
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
