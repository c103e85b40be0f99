/**
 * The processing of one case (p.45–47) at the top of its page: the path of states
 * from registration to issue with the current one, what to do next, and the
 * tabs where it is done — the registration details, requests, acts,
 * decision, issue, and the case's history. Each action is offered only where the state and the user's roles
 * allow it; otherwise it says why.
 */
import { Alert, Anchor, Box, Card, Group, Stack, Tabs, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { CaseView } from '../../../core/api/reception';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../core/domain/case-states';
import { useApi } from '../data/queries';
import { useSession } from '../session';
import { ruDate, ruNote } from '../format';
import { ActsTab } from './ActsTab';
import { FormFieldsStyle } from '../ui/form-fields';
import { DecisionTab } from './DecisionTab';
import { IssueTab } from './IssueTab';
import { RequestsTab } from './RequestsTab';
import { TimelineTab } from './TimelineTab';

const PATH: CaseStatus[] = ['registered', 'requests_sent', 'documents_complete', 'decision_drafted', 'signed', 'issued'];

type TabKey = 'details' | 'requests' | 'acts' | 'decision' | 'issue' | 'timeline';
const TAB_LABELS: Record<TabKey, string> = {
  details: 'Заявление и документы',
  requests: 'Запросы',
  acts: 'Акты',
  decision: 'Решение',
  issue: 'Выдача',
  timeline: 'Ход дела',
};

/** The tab a user opens the case on: where the next step is done, or the registration for those who do not process. */
function defaultTab(c: CaseView, processes: boolean): TabKey {
  switch (c.status) {
    case 'registered':
    case 'requests_sent':
      if (!processes) return 'details';
      return c.proposedRequests.length || c.requests.some((r) => !r.answerDate) ? 'requests' : 'acts';
    case 'documents_complete':
    case 'decision_drafted':
    case 'awaiting_signature':
    case 'returned':
      return 'decision';
    case 'signed':
      return 'issue';
    case 'annulled':
      return 'details';
    default:
      return 'timeline';
  }
}

/** The state the case had reached before it was withdrawn or annulled. */
function reached(c: CaseView): CaseStatus {
  if (PATH.includes(c.status)) return c.status;
  // On the sign-off step (sent to the head, or returned by them): the draft is made.
  if (c.status === 'awaiting_signature' || c.status === 'returned') return 'decision_drafted';
  const last = [...c.events].reverse().find((e) => e.toStatus === c.status);
  return last?.fromStatus && PATH.includes(last.fromStatus) ? last.fromStatus : 'registered';
}

/** What to do next, in one sentence, and where. */
function nextStep(c: CaseView, isHead: boolean): { text: string; tab?: TabKey } | null {
  const unanswered = c.requests.filter((r) => !r.answerDate).length;
  const actsMissing = ['appendix3', 'appendix4'].filter((k) => !c.acts.some((a) => (k === 'appendix4' ? a.form === 'appendix4' : a.form !== 'appendix4') && a.complete)).length;
  switch (c.status) {
    case 'registered':
    case 'requests_sent':
      if (c.proposedRequests.length) return { text: `Направьте межведомственные запросы (${c.proposedRequests.length}).`, tab: 'requests' };
      if (unanswered) return { text: `Ожидаются ответы на запросы: ${unanswered}. Зарегистрируйте их в день поступления.`, tab: 'requests' };
      if (actsMissing) return { text: 'Внесите акты центра социального обслуживания (приложения 3 и 4) полностью.', tab: 'acts' };
      return { text: 'Все документы на месте: отметьте «Документы собраны».', tab: 'acts' };
    case 'documents_complete':
      return { text: 'Подготовьте проект решения: ИППСУ или отказ.', tab: 'decision' };
    case 'decision_drafted':
      return isHead ? { text: 'Проект решения подготовлен: его можно подписать.', tab: 'decision' } : { text: 'Проект решения подготовлен: передайте его на подпись.', tab: 'decision' };
    case 'awaiting_signature':
      return isHead ? { text: 'Проект решения ждёт вашей подписи.', tab: 'decision' } : { text: 'Проект решения ждёт подписи руководителя.', tab: 'decision' };
    case 'returned':
      return { text: 'Руководитель вернул проект на доработку: исправьте и передайте на подпись снова.', tab: 'decision' };
    case 'signed':
      return { text: `Выдайте или направьте результат заявителю${c.deadlines.issue ? ` не позднее ${ruDate(c.deadlines.issue)}` : ''}.`, tab: 'issue' };
    case 'issued':
      return { text: 'Результат выдан. Дело завершено.' };
    default:
      return null;
  }
}

type StepState = 'done' | 'current' | 'stopped' | 'todo';

/** The path of states as a line of steps: done ones ticked, the current one marked; not interactive. */
function StatePath({ steps, status }: { steps: { label: string; note?: string; state: StepState }[]; status: CaseStatus }) {
  return (
    <Box component="ol" aria-label="Ход рассмотрения" data-testid="case-stepper" data-status={status} m={0} p={0} style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', rowGap: 8, alignItems: 'center' }}>
      {steps.map((st, i) => (
        <Group
          key={st.label}
          component="li"
          gap={6}
          wrap="nowrap"
          aria-current={st.state === 'current' ? 'step' : undefined}
          data-state={st.state}
          style={{ flex: i < steps.length - 1 ? '1 1 auto' : '0 0 auto' }}
        >
          <ThemeIcon
            size={24}
            radius="xl"
            variant={st.state === 'done' ? 'filled' : st.state === 'current' ? 'outline' : 'light'}
            color={st.state === 'todo' ? 'gray' : st.state === 'stopped' ? 'red' : 'blue'}
            aria-hidden
          >
            <Text size="xs" fw={700} inherit>
              {st.state === 'done' ? '✓' : st.state === 'stopped' ? '×' : i + 1}
            </Text>
          </ThemeIcon>
          <Box style={{ whiteSpace: 'nowrap' }}>
            <Text size="sm" fw={st.state === 'current' ? 700 : 500} c={st.state === 'todo' ? 'dimmed' : undefined} lh={1.2}>
              {st.label}
              {st.state === 'done' && <VisuallyHidden> (пройдено)</VisuallyHidden>}
              {st.state === 'current' && <VisuallyHidden> (текущее)</VisuallyHidden>}
            </Text>
            {st.note && (
              <Text size="xs" c="dimmed" lh={1.2}>
                {st.note}
              </Text>
            )}
          </Box>
          {i < steps.length - 1 && (
            <Box
              aria-hidden
              style={{ flex: 1, minWidth: 12, height: 2, marginInline: 4, background: st.state === 'done' ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-3)' }}
            />
          )}
        </Group>
      ))}
    </Box>
  );
}

/** `details`: the registration (applicant, application, deadlines, documents), the first tab. */
export function CaseProcessing({ case: c, details }: { case: CaseView; details: ReactNode }) {
  const { hasRole } = useSession();
  const [tab, setTab] = useState<TabKey>(() => defaultTab(c, hasRole('specialist', 'head')));
  // Read with the case: a new act starts from the office's latest ones («Акты» waits for it, and a hidden tab does not fetch).
  useApi('acts.suggestions', {});
  const at = reached(c);
  const index = PATH.indexOf(at);
  const active = c.status === 'issued' ? PATH.length : index;
  const when = (s: CaseStatus) => {
    const e = [...c.events].reverse().find((x) => x.toStatus === s);
    return e ? ruDate(e.at) : undefined;
  };
  const skippedRequests = index > 1 && !c.events.some((e) => e.toStatus === 'requests_sent');
  const next = nextStep(c, hasRole('head'));
  const stopped = c.status === 'withdrawn' || c.status === 'annulled';
  const stopEvent = stopped ? [...c.events].reverse().find((e) => e.toStatus === c.status) : undefined;

  return (
    // Not clipped (a Card's default): the acts' toolbar and the scales' totals stick under the header while scrolled.
    <Card withBorder id="processing" data-testid="case-processing" style={{ scrollMarginTop: 72, overflow: 'visible' }}>
      <FormFieldsStyle />
      <Stack gap="md">
        <StatePath
          steps={
            stopped
              ? [
                  ...PATH.slice(0, index + 1).map((s) => ({ label: CASE_STATUS_LABELS[s], note: when(s), state: 'done' as const })),
                  { label: CASE_STATUS_LABELS[c.status], note: stopEvent ? ruDate(stopEvent.at) : undefined, state: 'stopped' as const },
                ]
              : PATH.map((s, i) => ({
                  label: CASE_STATUS_LABELS[s],
                  note: i === 1 && skippedRequests ? 'не требовались' : i <= active ? when(s) : undefined,
                  state: i < active ? ('done' as const) : i === active ? ('current' as const) : ('todo' as const),
                }))
          }
          status={c.status}
        />

        {stopped ? (
          <Alert color={c.status === 'annulled' ? 'red' : 'gray'} data-testid="case-stopped">
            {stopEvent?.note ? ruNote(stopEvent.note) : `${CASE_STATUS_LABELS[c.status]}${stopEvent ? ` ${ruDate(stopEvent.at)}` : ''}`}
          </Alert>
        ) : (
          next && (
            <Text size="sm" data-testid="next-step">
              <Text span fw={600} inherit>
                Текущее состояние: {CASE_STATUS_LABELS[c.status]}.
              </Text>{' '}
              {next.text}
              {next.tab && next.tab !== tab && (
                <>
                  {' '}
                  <Anchor component="button" type="button" size="sm" onClick={() => setTab(next.tab!)}>
                    Открыть вкладку «{TAB_LABELS[next.tab]}»
                  </Anchor>
                </>
              )}
            </Text>
          )
        )}

        <Tabs value={tab} onChange={(v) => v && setTab(v as TabKey)}>
          <Tabs.List>
            {(Object.keys(TAB_LABELS) as TabKey[]).map((k) => (
              <Tabs.Tab key={k} value={k}>
                {TAB_LABELS[k]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="details" pt="md">
            {details}
          </Tabs.Panel>
          <Tabs.Panel value="requests" pt="md">
            <RequestsTab c={c} />
          </Tabs.Panel>
          <Tabs.Panel value="acts" pt="md">
            <ActsTab c={c} />
          </Tabs.Panel>
          <Tabs.Panel value="decision" pt="md">
            <DecisionTab c={c} />
          </Tabs.Panel>
          <Tabs.Panel value="issue" pt="md">
            <IssueTab c={c} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="md">
            <TimelineTab c={c} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Card>
  );
}
