/**
 * «Акты»: the acts the social-service centre sends (Appendix 3 for a citizen
 * or a family, with the Barthel and Lawton questionnaires; Appendix 4),
 * entered from paper and saved as they are, and the step that closes the
 * collection of documents («Документы собраны»). A form with nothing unsaved
 * follows the act as saved (a save at another desk shows at once); one being
 * edited keeps what is typed, and a conflicting save offers to compare.
 */
import { Alert, Badge, Button, Card, Group, Loader, Modal, SegmentedControl, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ActView } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import { ruDateTime } from '../format';
import { ACT_EDITABLE, isClosed } from '../../../core/domain/case-states';
import { errorMessage } from '../api';
import { useApi, useApiMutation } from '../data/queries';
import { useSession } from '../session';
import { notifyOk } from '../ui/forms';
import { SideBySide } from '../ui/SideBySide';
import { Guarded } from '../ui/Guarded';
import { Appendix3Form } from './Appendix3Form';
import { Appendix4Form } from './Appendix4Form';
import type { CompareRequest } from './useActForm';

function actLockReason(c: CaseView, isSpecialist: boolean): string | null {
  if (isClosed(c.status)) return 'Дело закрыто: акты не изменяются.';
  if (!ACT_EDITABLE.includes(c.status)) return 'После подписания результата акты не изменяются.';
  if (!isSpecialist) return 'Акты вносит специалист (роль «Специалист»).';
  return null;
}

function ActBadge({ act }: { act: ActView | undefined }) {
  return (
    <Badge tt="none" variant="light" color={!act ? 'gray' : act.complete ? 'green' : 'yellow'}>
      {!act ? 'не внесён' : act.complete ? 'заполнен полностью' : `не заполнено: ${act.missing.length}`}
    </Badge>
  );
}

export function ActsTab({ c }: { c: CaseView }) {
  const { hasRole } = useSession();
  const act3 = c.acts.find((a) => a.form !== 'appendix4');
  const act4 = c.acts.find((a) => a.form === 'appendix4');
  const [variant, setVariant] = useState<'citizen' | 'family'>(act3?.form === 'appendix3-family' ? 'family' : 'citizen');
  const [inner, setInner] = useState<string>('appendix3');
  const completeDocuments = useApiMutation('cases.completeDocuments');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dirty3, setDirty3] = useState(false);
  const [dirty4, setDirty4] = useState(false);
  const [pendingVariant, setPendingVariant] = useState<'citizen' | 'family' | null>(null);
  const [comparing, setComparing] = useState<CompareRequest | null>(null);
  // Each form shows the act at the revision it was loaded from; a clean form moves on to the act's newest revision.
  const rev3 = act3?.rev ?? 0;
  // A new Appendix 4 act starts from the Appendix 3 act: while it is not saved, it follows that one.
  const rev4 = act4 ? `${act4.rev}` : `new:${rev3}`;
  const [shown3, setShown3] = useState(rev3);
  const [shown4, setShown4] = useState(rev4);
  if (!dirty3 && shown3 !== rev3) setShown3(rev3);
  if (!dirty4 && shown4 !== rev4) setShown4(rev4);
  const lockReason = actLockReason(c, hasRole('specialist'));
  // A new act starts from the office's latest one (its organisation); the forms wait for it.
  const suggestions = useApi('acts.suggestions', {});

  const unanswered = c.requests.filter((r) => !r.answerDate).length;
  const proposed = c.proposedRequests.length;
  const canComplete = c.status === 'registered' || c.status === 'requests_sent';
  const collected = c.events.some((e) => e.toStatus === 'documents_complete');
  const completeReason = hasRole('specialist') ? null : 'Отмечает специалист (роль «Специалист»).';

  const complete = async () => {
    setRefusal(null);
    try {
      await completeDocuments.mutateAsync({ caseId: c.id, rev: c.rev });
      notifyOk('Документы собраны: можно готовить решение');
    } catch (e) {
      setRefusal(errorMessage(e));
    }
  };

  const otherSaved = act3 && act3.form !== `appendix3-${variant}`;
  const notice3 = otherSaved ? (
    <Alert color="orange" variant="light">
      В деле сохранён акт обследования {act3.form === 'appendix3-family' ? 'семьи' : 'гражданина'}. Сохранение акта{' '}
      {variant === 'family' ? 'семьи' : 'гражданина'} заменит его: в деле хранится один акт обследования.
    </Alert>
  ) : undefined;

  return (
    <Stack gap="md">
      <Card withBorder>
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6}>
            <Title order={5}>Сбор документов</Title>
            <Table variant="vertical" withRowBorders={false} verticalSpacing={2} fz="sm" w="auto">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th fw={500} c="dimmed" pr="md">
                    Акт обследования (приложение 3)
                  </Table.Th>
                  <Table.Td>
                    <ActBadge act={act3} />
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th fw={500} c="dimmed" pr="md">
                    Акт оценки потребности (приложение 4)
                  </Table.Th>
                  <Table.Td>
                    <ActBadge act={act4} />
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th fw={500} c="dimmed" pr="md">
                    Межведомственные запросы
                  </Table.Th>
                  <Table.Td>
                    {proposed === 0 && c.requests.length === 0 ? (
                      <Text size="sm">не требуются</Text>
                    ) : (
                      <Text size="sm">
                        направлено {c.requests.length}, ответов {c.requests.length - unanswered}
                        {proposed > 0 && (
                          <Text span c="orange.8" inherit>
                            {' '}
                            · не направлено: {proposed}
                          </Text>
                        )}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Stack>
          <Stack gap={4} align="flex-end">
            {canComplete ? (
              <Guarded color="teal" reason={completeReason} loading={completeDocuments.isPending} onClick={complete}>
                Документы собраны
              </Guarded>
            ) : collected ? (
              <Badge color="teal" variant="light" tt="none" size="lg">
                Документы собраны
              </Badge>
            ) : null}
            {canComplete && (
              <Text size="xs" c="dimmed" maw={320} ta="right">
                Нужны оба акта, заполненные полностью, и ответы на все запросы.
              </Text>
            )}
          </Stack>
        </Group>
        {refusal && (
          <Alert color="red" variant="light" mt="sm" withCloseButton closeButtonLabel="Скрыть"  onClose={() => setRefusal(null)} data-testid="complete-refusal">
            {refusal}
          </Alert>
        )}
      </Card>

      <Tabs value={inner} onChange={(v) => v && setInner(v)} variant="pills">
        <Tabs.List>
          <Tabs.Tab value="appendix3">Приложение 3: акт обследования</Tabs.Tab>
          <Tabs.Tab value="appendix4">Приложение 4: акт оценки потребности</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="appendix3" pt="md">
          <Stack gap="md">
            <Group gap="sm">
              <Text size="sm" fw={500}>
                Вариант акта:
              </Text>
              <SegmentedControl
                aria-label="Вариант акта обследования"
                value={variant}
                onChange={(v) => (dirty3 ? setPendingVariant(v as 'citizen' | 'family') : setVariant(v as 'citizen' | 'family'))}
                data={[
                  { value: 'citizen', label: 'Гражданин' },
                  { value: 'family', label: 'Семья' },
                ]}
              />
            </Group>
            {suggestions.isPending ? (
              <Loader size="sm" />
            ) : (
            <Appendix3Form
              key={`${variant}:${shown3}`}
              suggestions={suggestions.data}
              variant={variant}
              c={c}
              saved={act3?.form === `appendix3-${variant}` ? act3 : undefined}
              lockReason={lockReason}
              notice={notice3}
              onDirty={setDirty3}
              onCompare={setComparing}
            />
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="appendix4" pt="md">
          {suggestions.isPending ? (
            <Loader size="sm" />
          ) : (
            <Appendix4Form key={shown4} c={c} saved={act4} lockReason={lockReason} onDirty={setDirty4} onCompare={setComparing} suggestions={suggestions.data} />
          )}
        </Tabs.Panel>
      </Tabs>

      {comparing && <ActCompare c={c} request={comparing} onClose={() => setComparing(null)} />}

      <Modal opened={pendingVariant !== null} onClose={() => setPendingVariant(null)} title="Несохранённые изменения" size="md">
        <Stack>
          <Text size="sm">В акте есть несохранённые изменения. При переключении варианта они будут потеряны.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPendingVariant(null)} data-autofocus>
              Остаться
            </Button>
            <Button
              color="orange"
              onClick={() => {
                if (pendingVariant) setVariant(pendingVariant);
                setDirty3(false);
                setPendingVariant(null);
              }}
            >
              Переключить без сохранения
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The act as saved now and the version typed here, side by side; the specialist keeps one of them. */
function ActCompare({ c, request, onClose }: { c: CaseView; request: CompareRequest; onClose(): void }) {
  const saved = request.formName === 'appendix4' ? c.acts.find((a) => a.form === 'appendix4') : c.acts.find((a) => a.form !== 'appendix4');
  const [busy, setBusy] = useState(false);
  const mine = { ...(saved ?? { act: {}, barthel: null, lawton: null }), ...request.mine } as ActView;
  const render = (a: ActView | undefined, form: ActView['form']) =>
    form === 'appendix4' ? (
      <Appendix4Form c={c} saved={a} lockReason={null} bare />
    ) : (
      <Appendix3Form c={c} saved={a} lockReason={null} bare variant={form === 'appendix3-family' ? 'family' : 'citizen'} />
    );
  const choose = async (run: () => Promise<void>) => {
    setBusy(true);
    try {
      await run();
      onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} fullScreen title="Сравнение версий акта" zIndex={300}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm">Слева — акт, как он сохранён сейчас; справа — ваши несохранённые изменения. Выберите, какую версию оставить.</Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Вернуться к редактированию
            </Button>
            <Button variant="light" color="orange" loading={busy} onClick={() => choose(request.takeSaved)}>
              Оставить сохранённую версию
            </Button>
            <Button loading={busy} onClick={() => choose(request.saveMine)}>
              Сохранить мою версию
            </Button>
          </Group>
        </Group>
        <SideBySide
          left={{
            title: saved ? `Сохранённая версия: ${saved.updatedByName}, ${ruDateTime(saved.updatedAt)}` : 'Сохранённой версии нет',
            content: render(saved, saved?.form ?? request.formName),
          }}
          right={{ title: 'Ваша версия (не сохранена)', content: render({ ...mine, form: request.formName }, request.formName) }}
        />
      </Stack>
    </Modal>
  );
}
