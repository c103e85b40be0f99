/**
 * «Ход дела»: everything that happened to the case, in time order — each
 * change of state, each request sent and answer registered, each act and
 * draft decision saved, each assignment — with who and when.
 */
import { Text, Timeline } from '@mantine/core';
import type { EventView } from '../../../core/api/processing';
import type { CaseView } from '../../../core/api/reception';
import { CASE_STATUS_LABELS } from '../../../core/domain/case-states';
import { ruDateTime, ruNote } from '../format';

const KIND_TITLES: Record<Exclude<EventView['kind'], 'status'>, string> = {
  assignment: 'Назначен ответственный',
  request: 'Направлен запрос',
  answer: 'Зарегистрирован ответ на запрос',
  act: 'Акт',
  decision: 'Проект решения',
};

const KIND_COLORS: Partial<Record<EventView['kind'], string>> = { request: 'cyan', answer: 'green', act: 'teal', decision: 'violet', assignment: 'gray' };

export function TimelineTab({ c }: { c: CaseView }) {
  if (c.events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Событий нет.
      </Text>
    );
  }
  return (
    <Timeline active={c.events.length - 1} bulletSize={18} lineWidth={2} data-testid="timeline">
      {c.events.map((e, i) => (
        <Timeline.Item
          key={i}
          title={e.kind === 'status' ? CASE_STATUS_LABELS[e.toStatus] : KIND_TITLES[e.kind]}
          color={e.toStatus === 'withdrawn' || e.toStatus === 'annulled' ? 'red' : KIND_COLORS[e.kind]}
          data-testid={`event-${i + 1}`}
          data-kind={e.kind}
        >
          <Text size="sm" c="dimmed">
            {ruDateTime(e.at)}
            {e.userName ? ` · ${e.userName}` : ''}
          </Text>
          {e.kind === 'status' && (
            <Text size="sm">{e.fromStatus ? `${CASE_STATUS_LABELS[e.fromStatus]} → ${CASE_STATUS_LABELS[e.toStatus]}` : 'Заявление зарегистрировано'}</Text>
          )}
          {e.note && (
            <Text size="sm" mt={2} style={{ overflowWrap: 'anywhere' }}>
              {ruNote(e.note)}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
