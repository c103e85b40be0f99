/**
 * The Barthel index (10 items) and the Lawton scale (8 items) attached to
 * the Appendix 3 act: one radio group per item with every answer level and
 * its points, the live total and band (core/domain/scales). The total says
 * nothing about the act's «степень»: the specialist chooses that.
 */
import { Badge, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { ruPlural } from '../../../core/domain/russian-text';
import {
  BARTHEL_ITEMS,
  BARTHEL_MAX,
  LAWTON_ITEMS,
  LAWTON_MAX,
  scoreBarthel,
  scoreLawton,
  type PartialScaleAnswers,
  type ScaleItem,
  type ScaleResult,
} from '../../../core/domain/scales';

export type ScaleKind = 'barthel' | 'lawton';

const SCALES: Record<ScaleKind, { title: string; items: readonly ScaleItem[]; max: number; score: (a: PartialScaleAnswers) => ScaleResult }> = {
  barthel: { title: 'Индекс Бартела (базовая активность в повседневной жизни)', items: BARTHEL_ITEMS, max: BARTHEL_MAX, score: scoreBarthel },
  lawton: { title: 'Шкала Лаутона (инструментальная активность в повседневной жизни)', items: LAWTON_ITEMS, max: LAWTON_MAX, score: scoreLawton },
};

/** Points as a Russian word form: 1 балл, 2 балла, 5 баллов. */
export function pointsText(n: number): string {
  return `${n} ${ruPlural(n, 'балл', 'балла', 'баллов')}`;
}

export function scaleResult(kind: ScaleKind, answers: PartialScaleAnswers): ScaleResult {
  return SCALES[kind].score(answers);
}

/** «55 из 100 · выраженная зависимость» or how many items are left. */
export function ScaleTotal({ kind, answers, testId }: { kind: ScaleKind; answers: PartialScaleAnswers; testId?: string }) {
  const { max, items } = SCALES[kind];
  const r = SCALES[kind].score(answers);
  return (
    <Group gap="xs" data-testid={testId} data-score={r.score} data-complete={r.complete ? 'true' : 'false'}>
      <Text size="sm" fw={600}>
        Итого: {r.score} из {max}
      </Text>
      {r.complete ? (
        <Badge variant="light" color="blue" tt="none">
          {r.band}
        </Badge>
      ) : (
        <Badge variant="light" color="gray" tt="none">
          оценено {items.length - r.missing.length} из {items.length} пунктов
        </Badge>
      )}
    </Group>
  );
}

export interface ScaleFormProps {
  kind: ScaleKind;
  answers: PartialScaleAnswers;
  onAnswer(key: string, index: number): void;
  disabled?: boolean;
}

export function ScaleForm({ kind, answers, onAnswer, disabled }: ScaleFormProps) {
  const scale = SCALES[kind];
  return (
    <Paper withBorder p="md" data-testid={`scale-${kind}`}>
      <Stack gap="sm">
        {/* The title with the running total stays in sight under the header while the items are answered. */}
        <Group
          justify="space-between"
          align="flex-start"
          py={6}
          style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 56px) + 4px)', zIndex: 2, background: 'var(--mantine-color-body)' }}
          data-testid={`${kind}-sticky`}
        >
          <Title order={5}>{scale.title}</Title>
          <ScaleTotal kind={kind} answers={answers} testId={`${kind}-total`} />
        </Group>
        {scale.items.map((item, n) => {
          const chosen = answers[item.key];
          return (
            <Radio.Group
              key={item.key}
              data-testid={`${kind}-${item.key}`}
              label={`${n + 1}. ${item.title}`}
              description={item.note}
              value={chosen === undefined ? '' : String(chosen)}
              onChange={(v) => onAnswer(item.key, Number(v))}
              readOnly={disabled}
            >
              <Stack gap={4} mt={4}>
                {item.options.map((o, i) => (
                  <Radio
                    key={i}
                    value={String(i)}
                    disabled={disabled}
                    label={
                      <>
                        {o.text}{' '}
                        <Text span size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          — {pointsText(o.points)}
                        </Text>
                      </>
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
          );
        })}
        <Group justify="flex-end">
          <ScaleTotal kind={kind} answers={answers} />
        </Group>
      </Stack>
    </Paper>
  );
}
