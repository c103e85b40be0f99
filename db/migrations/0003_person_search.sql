-- Full-text index of persons' folded ФИО (lower case, ё → е; folded in TypeScript,
-- see core/domain/russian-text.ts). rowid = persons.id. Kept in step with
-- persons by the backend in the same transaction as each change.
CREATE VIRTUAL TABLE `person_fts` USING fts5(`name`, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3 4');
