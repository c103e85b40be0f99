/** «Ход дела»: every change of the case's state — who, when, from which state to which, and the note. */
import { Text, Timeline } from '@mantine/core';
import type { CaseView } from '../../../core/api/reception';
import { CASE_STATUS_LABELS } from '../../../core/domain/case-states';
import { ruDateTime, ruNote } from '../format';

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
          title={e.kind === 'assignment' ? 'Назначен ответственный' : CASE_STATUS_LABELS[e.toStatus]}
          color={e.toStatus === 'withdrawn' || e.toStatus === 'annulled' ? 'red' : undefined}
          data-testid={`event-${i + 1}`}
        >
          <Text size="sm" c="dimmed">
            {ruDateTime(e.at)}
            {e.userName ? ` · ${e.userName}` : ''}
          </Text>
          <Text size="sm">
            {e.kind === 'assignment' ? '' : e.fromStatus ? `${CASE_STATUS_LABELS[e.fromStatus]} → ${CASE_STATUS_LABELS[e.toStatus]}` : 'Заявление зарегистрировано'}
          </Text>
          {e.note && (
            <Text size="sm" mt={2}>
              {ruNote(e.note)}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
