/**
 * Reusable zod schemas with Russian messages. Shared by the API contract
 * (backend validation) and the renderer (form validation), so a rule is
 * written once.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { normalizeSnils, snilsError } from '../domain/snils';
import { installRussianErrors } from './zod-ru';

// zod's messages in Russian, as plain sentences (type mismatches and the like).
installRussianErrors();

/** 'exchange' is a permission more than a job: package files for removable media (issue 11). */
export const ROLES = ['reception', 'specialist', 'head', 'admin', 'exchange'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  reception: 'Приём',
  specialist: 'Специалист',
  head: 'Руководитель',
  admin: 'Администратор',
  exchange: 'Обмен',
};

/** A required single-line text: trimmed, not empty, bounded. */
export const text = (max = 500) =>
  z
    .string({ error: 'Заполните поле' })
    .trim()
    .min(1, { error: 'Заполните поле' })
    .max(max, { error: `Не более ${max} символов` });

/** An optional text: empty strings become undefined. */
export const optText = (max = 500) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max, { error: `Не более ${max} символов` }).optional(),
  );

export const isoDate = z
  .string({ error: 'Укажите дату' })
  .max(10, { error: 'Неверная дата: укажите дату в формате ДД.ММ.ГГГГ' })
  .refine(isIsoDate, { error: 'Неверная дата: укажите дату в формате ДД.ММ.ГГГГ' });

export const id = z.number({ error: 'Не указан идентификатор' }).int().positive();

/**
 * The revision of the record a save edits, as the caller read it (0: the
 * record is new). The backend refuses a save over a newer revision with
 * CONFLICT, naming who changed the record and when.
 */
export const rev = z.number({ error: 'Не указана версия записи: обновите данные' }).int().min(0);

export const username = z
  .string({ error: 'Укажите имя пользователя' })
  .trim()
  .min(3, { error: 'Имя пользователя — не короче 3 символов' })
  .max(40, { error: 'Имя пользователя — не длиннее 40 символов' })
  .regex(/^[a-zA-Z0-9._-]+$/, { error: 'Имя пользователя: латинские буквы, цифры, точка, дефис, подчёркивание' })
  .transform((s) => s.toLowerCase());

export const newPassword = z
  .string({ error: 'Укажите пароль' })
  .min(8, { error: 'Пароль — не короче 8 символов' })
  .max(200, { error: 'Пароль слишком длинный' })
  .refine((p) => new Set(p).size >= 4, { error: 'Пароль слишком простой: используйте разные символы' });

export const roles = z.array(Role).min(1, { error: 'Выберите хотя бы одну роль' }).max(ROLES.length * 2).transform((r) => [...new Set(r)]);

/** An optional СНИЛС: checksum verified, stored as 11 digits. */
export const optSnils = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string()
    .max(20, { error: 'СНИЛС — 11 цифр' })
    .superRefine((s, ctx) => {
      const err = snilsError(s);
      if (err) ctx.addIssue({ code: 'custom', message: err });
    })
    .transform((s) => normalizeSnils(s)!)
    .optional(),
);

export const email = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.email({ error: 'Неверный адрес электронной почты' }).max(200).optional(),
);

/** Depth and size of a free JSON value, measured without recursion (a 10,000-level nesting must not overflow the stack). */
function jsonShape(v: unknown, maxDepth: number, maxNodes: number): 'ok' | 'deep' | 'big' | 'bad' {
  const stack: [unknown, number][] = [[v, 1]];
  let nodes = 0;
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (++nodes > maxNodes) return 'big';
    if (x === null || typeof x === 'string' || typeof x === 'boolean') continue;
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) return 'bad';
      continue;
    }
    if (typeof x !== 'object') return 'bad';
    if (d > maxDepth) return 'deep';
    for (const child of Array.isArray(x) ? x : Object.values(x as object)) stack.push([child, d + 1]);
  }
  return 'ok';
}

/** A free JSON object (a draft, an act's fields): not null, bounded in depth, node count and size. */
export const jsonObject = (opts: { maxDepth?: number; maxNodes?: number; maxChars?: number } = {}) => {
  const { maxDepth = 12, maxNodes = 20_000, maxChars = 200_000 } = opts;
  return z.record(z.string().max(200), z.unknown()).superRefine((v, ctx) => {
    const shape = jsonShape(v, maxDepth, maxNodes);
    if (shape === 'deep') ctx.addIssue({ code: 'custom', message: 'Слишком глубокая вложенность данных' });
    else if (shape === 'big') ctx.addIssue({ code: 'custom', message: 'Слишком много данных' });
    else if (shape === 'bad') ctx.addIssue({ code: 'custom', message: 'Недопустимое значение в данных' });
    else if (JSON.stringify(v).length > maxChars) ctx.addIssue({ code: 'custom', message: 'Слишком большой объём данных' });
  });
};
