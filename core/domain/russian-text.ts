/**
 * Russian text folding for search: case-insensitive for Cyrillic (SQLite's
 * lower() is ASCII-only), ё = е, whitespace collapsed.
 */
export function foldRu(s: string): string {
  return s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

const PLURAL = new Intl.PluralRules('ru-RU');

/** The Russian word form for a count: ruPlural(3, 'день', 'дня', 'дней') → 'дня'. */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  switch (PLURAL.select(n)) {
    case 'one':
      return one;
    case 'few':
      return few;
    case 'many':
      return many;
    default:
      return few; // fractions: «1,5 дня»
  }
}
