/**
 * The Barthel index (10 items) and the Lawton scale (8 items) attached to
 * the Appendix 3 act: one radio group per item with every answer level and
 * its points, the live total and band (core/domain/scales). The answers live
 * in the act's form (`barthel.<item>`, `lawton.<item>`: the option's index);
 * only the totals and the item answered redraw. A digit picks that option
 * and goes on to the next item. The total says nothing about the act's
 * «степень»: the specialist chooses that.
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
import { choiceKeys, QUESTION, useValue, WATCHED, type FormApi } from '../ui/form-fields';

export type ScaleKind = 'barthel' | 'lawton';

const SCALES: Record<ScaleKind, { title: string; items: readonly ScaleItem[]; max: number; score: (a: PartialScaleAnswers) => ScaleResult }> = {
  barthel: { title: 'Индекс Бартела (базовая активность в повседневной жизни)', items: BARTHEL_ITEMS, max: BARTHEL_MAX, score: scoreBarthel },
  lawton: { title: 'Шкала Лаутона (инструментальная активность в повседневной жизни)', items: LAWTON_ITEMS, max: LAWTON_MAX, score: scoreLawton },
};

/** Points as a Russian word form: 1 балл, 2 балла, 5 баллов. */
export function pointsText(n: number): string {
  return `${n} ${ruPlural(n, 'балл', 'балла', 'баллов')}`;
}

/** The answers of a scale in the form, redrawn when one changes. */
export function useScaleAnswers(form: FormApi, kind: ScaleKind): PartialScaleAnswers {
  return useValue<PartialScaleAnswers | undefined>(form, kind) ?? {};
}

export function scaleResult(kind: ScaleKind, answers: PartialScaleAnswers): ScaleResult {
  return SCALES[kind].score(answers);
}

/** «55 из 100 · выраженная зависимость» or how many items are left. */
export function ScaleTotal({ kind, form, testId }: { kind: ScaleKind; form: FormApi; testId?: string }) {
  const { max, items } = SCALES[kind];
  const r = SCALES[kind].score(useScaleAnswers(form, kind));
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

/** One item of a scale: its answer levels with their points. */
function ScaleItemChoice({ kind, item, n, form }: { kind: ScaleKind; item: ScaleItem; n: number; form: FormApi }) {
  const path = `${kind}.${item.key}`;
  const chosen = useValue<number | undefined>(form, path);
  const codes = item.options.map((_, i) => String(i));
  const labels = Object.fromEntries(item.options.map((o, i) => [String(i), o.text]));
  const pick = (v: string) => form.setFieldValue(path, v === '' ? undefined : Number(v), WATCHED);
  return (
    <Radio.Group
      {...QUESTION}
      className="sd-q"
      data-path={path}
      data-testid={`${kind}-${item.key}`}
      label={`${n + 1}. ${item.title}`}
      description={item.note}
      value={chosen === undefined ? '' : String(chosen)}
      onChange={pick}
      onKeyDown={choiceKeys(codes, labels, chosen === undefined ? '' : String(chosen), pick)}
    >
      <Stack gap={4} mt={4}>
        {item.options.map((o, i) => (
          <Radio
            key={i}
            value={String(i)}
            label={
              <>
                {i < 9 && (
                  <span className="sd-key" aria-hidden="true">
                    {i + 1}
                  </span>
                )}
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
}

export function ScaleForm({ kind, form }: { kind: ScaleKind; form: FormApi }) {
  const scale = SCALES[kind];
  return (
    <Paper withBorder p="md" data-testid={`scale-${kind}`}>
      <Stack gap="sm">
        {/* The title with the running total stays in sight under the toolbar while the items are answered. */}
        <Group
          justify="space-between"
          align="flex-start"
          py={6}
          style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 56px) + var(--sd-act-toolbar, 0px) + 4px)', zIndex: 2, background: 'var(--mantine-color-body)' }}
          data-testid={`${kind}-sticky`}
        >
          <Title order={5}>{scale.title}</Title>
          <ScaleTotal kind={kind} form={form} testId={`${kind}-total`} />
        </Group>
        {scale.items.map((item, n) => (
          <ScaleItemChoice key={item.key} kind={kind} item={item} n={n} form={form} />
        ))}
        <Group justify="flex-end">
          <ScaleTotal kind={kind} form={form} />
        </Group>
      </Stack>
    </Paper>
  );
}
