/**
 * Russian text folding for search: case-insensitive for Cyrillic (SQLite's
 * lower() is ASCII-only), ё = е, whitespace collapsed.
 */
export function foldRu(s: string): string {
  return s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}
