/**
 * The one zod error map of the project, in Russian. zod's own Russian locale
 * leaves type names and formats in English («ожидалось object, получено
 * boolean»); every message here is a plain Russian sentence a clerk can act
 * on. The field is named separately, by its label (core/api/field-labels.ts),
 * when the backend builds the VALIDATION error; a message a schema gives
 * itself ({ error: '…' }) always wins over this map.
 */
import { z } from 'zod';
import { ruPlural } from '../domain/russian-text';

const TYPE_NAMES: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  bigint: 'целое число',
  boolean: 'отметка «да» или «нет»',
  object: 'набор сведений',
  array: 'список',
  date: 'дата',
  null: 'пустое значение',
  undefined: 'пустое значение',
  nan: 'не число',
  symbol: 'значение',
  function: 'значение',
  map: 'список',
  set: 'список',
  file: 'файл',
  literal: 'значение',
  enum: 'значение из списка',
  unknown: 'значение',
};

function received(input: unknown): string {
  if (input === undefined) return 'undefined';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

function typeName(t: string | undefined): string {
  return (t && TYPE_NAMES[t]) || 'значение';
}

const chars = (n: number) => `${n} ${ruPlural(n, 'символ', 'символа', 'символов')}`;
const items = (n: number) => `${n} ${ruPlural(n, 'элемент', 'элемента', 'элементов')}`;

/** The Russian message for one zod issue (the field itself is named by the caller). */
export function ruIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const got = received(issue.input);
      if (got === 'undefined' || got === 'null') return 'Заполните поле';
      return `Неверное значение: нужно ${typeName(issue.expected)}, а указано ${typeName(got)}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'Заполните поле' : `Не короче ${chars(min)}`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'Выберите или добавьте хотя бы один элемент' : `Не меньше ${items(min)}`;
      return issue.inclusive === false ? `Должно быть больше ${min}` : `Не меньше ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `Не более ${chars(max)}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Не более ${items(max)}`;
      return issue.inclusive === false ? `Должно быть меньше ${max}` : `Не больше ${max}`;
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'Неверный адрес электронной почты';
        case 'url':
          return 'Неверный адрес (ссылка)';
        case 'uuid':
        case 'guid':
          return 'Неверный идентификатор';
        case 'date':
          return 'Неверная дата: укажите дату в формате ДД.ММ.ГГГГ';
        case 'datetime':
          return 'Неверные дата и время';
        case 'time':
          return 'Неверное время: укажите время в формате ЧЧ:ММ';
        default:
          return 'Неверный формат значения';
      }
    case 'not_multiple_of':
      return `Должно делиться на ${issue.divisor}`;
    case 'unrecognized_keys':
      return 'В запросе есть лишние сведения, которые программа не принимает';
    case 'invalid_key':
      return 'Неверный ключ в списке значений';
    case 'invalid_element':
      return 'Неверный элемент списка';
    case 'invalid_union':
      return 'Неверное значение: ни один из допустимых вариантов не подходит';
    case 'invalid_value':
      return issue.values.length === 1 ? 'Неверное значение' : 'Выберите значение из списка';
    case 'custom':
    default:
      return 'Неверное значение';
  }
}

let installed = false;

/** Installs the map as zod's locale for this process (backend and renderer alike). Idempotent. */
export function installRussianErrors(): void {
  if (installed) return;
  installed = true;
  z.config({ localeError: (issue) => ruIssueMessage(issue) });
}
