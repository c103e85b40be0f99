/**
 * Data-safety commands for the host's administrator (`npm run backup`,
 * `npm run restore`, `npm run audit:verify`, or `node out/main/server.js
 * backup|backups|restore|audit-verify`). They print Russian text and return
 * the process exit code (0 = success).
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { verifyChain } from '../../db/audit-chain';
import { DB_FILE_NAME } from '../../db/connection';
import { formatRuDateTime } from '../../core/domain/dates';
import { createBackup, listBackups } from '../backend/backups/backups';
import { restoreDatabaseFile } from '../backend/backups/restore';
import { BACKUP_DIR_NAME, BACKUP_SETTING, KEYS_DIR_NAME, PASSPHRASE_FILE } from '../backend/backups/service';

export interface DataCommandOptions {
  dataDir: string;
  /** Overrides the office's backup folder. */
  folder?: string;
  /** A file holding the backup passphrase (else SOCDESK_BACKUP_PASSPHRASE, else the data folder's keys/). */
  passphraseFile?: string;
  print?: (line: string) => void;
}

function dbFileOf(o: DataCommandOptions): string {
  return join(resolve(o.dataDir), DB_FILE_NAME);
}

function passphraseOf(o: DataCommandOptions): string | null {
  if (o.passphraseFile) return readFileSync(o.passphraseFile, 'utf8').replace(/\r?\n$/, '');
  if (process.env.SOCDESK_BACKUP_PASSPHRASE) return process.env.SOCDESK_BACKUP_PASSPHRASE;
  const f = join(resolve(o.dataDir), KEYS_DIR_NAME, PASSPHRASE_FILE);
  return existsSync(f) ? readFileSync(f, 'utf8') : null;
}

/** The office's folder from its settings, read without opening the database for writing. */
function folderOf(o: DataCommandOptions): string {
  if (o.folder) return resolve(o.folder);
  try {
    const db = new Database(dbFileOf(o), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('select value from settings where key = ?').get(BACKUP_SETTING) as { value: string } | undefined;
      const folder = row ? (JSON.parse(row.value) as { folder?: string | null }).folder : null;
      if (folder) return folder;
    } finally {
      db.close();
    }
  } catch {
    // A damaged database: the default folder.
  }
  return join(resolve(o.dataDir), BACKUP_DIR_NAME);
}

/** `audit-verify`: walks the audit chain; exit code 2 when a row is broken. */
export function auditVerifyCommand(o: DataCommandOptions): number {
  const print = o.print ?? console.log;
  const file = dbFileOf(o);
  if (!existsSync(file)) {
    print(`База данных не найдена: ${file}`);
    return 1;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const v = verifyChain(db);
    if (v.ok) {
      print(`Журнал аудита цел: ${v.count} записей, последняя № ${v.lastId}.`);
      print(`Хеш последней записи: ${v.head}`);
      return 0;
    }
    print(`Журнал аудита нарушен: запись № ${v.brokenId} ${v.reason === 'missing' ? 'не включена в цепочку' : 'изменена или удалена запись перед ней'}.`);
    print(`Проверено записей до неё: ${v.checked} из ${v.count}.`);
    return 2;
  } finally {
    db.close();
  }
}

/** `backup`: one verified, encrypted backup into the office's folder (or --folder). */
export async function backupCommand(o: DataCommandOptions): Promise<number> {
  const print = o.print ?? console.log;
  const passphrase = passphraseOf(o);
  if (!passphrase) {
    print('Не задан пароль резервных копий: укажите --passphrase-file или SOCDESK_BACKUP_PASSPHRASE, или задайте его на экране «Резервные копии».');
    return 1;
  }
  const folder = folderOf(o);
  const m = await createBackup({ dbFile: dbFileOf(o), folder, passphrase, kind: 'command' });
  print(`Резервная копия записана и проверена: ${join(folder, m.file)}`);
  print(`Размер: ${m.bytes} байт; обращений: ${m.counts.cases ?? 0}; записей журнала аудита: ${m.audit.count}.`);
  return 0;
}

/** `backups`: the list, newest first. */
export function listBackupsCommand(o: DataCommandOptions): number {
  const print = o.print ?? console.log;
  const folder = folderOf(o);
  const all = listBackups(folder);
  if (all.length === 0) {
    print(`В папке ${folder} резервных копий нет.`);
    return 0;
  }
  for (const b of all) {
    print(`${b.file}\t${formatRuDateTime(b.createdAt)}\t${b.bytes} байт\t${b.verified ? 'проверена' : 'не проверена'}\tобращений: ${b.counts.cases ?? '—'}`);
  }
  return 0;
}

/** `restore FILE`: with the host stopped, replaces the database with a backup (the current one saved first). */
export async function restoreCommand(o: DataCommandOptions & { file: string; yes: boolean }): Promise<number> {
  const print = o.print ?? console.log;
  if (!o.yes) {
    print('Восстановление заменит текущую базу данных (она будет сохранена). Остановите сервер Socdesk и повторите команду с --yes.');
    return 1;
  }
  const passphrase = passphraseOf(o);
  if (!passphrase) {
    print('Не задан пароль резервных копий: укажите --passphrase-file или SOCDESK_BACKUP_PASSPHRASE.');
    return 1;
  }
  const folder = folderOf(o);
  const r = await restoreDatabaseFile({ dbFile: dbFileOf(o), folder, file: basename(o.file), passphrase });
  if (r.saved) print(`Текущая база данных сохранена: ${join(folder, r.saved.file)}`);
  if (r.damagedCopy) print(`Текущая база данных повреждена; её файл сохранён: ${r.damagedCopy}`);
  print(`База данных восстановлена из копии от ${formatRuDateTime(r.restored.createdAt)}: обращений ${r.restored.counts.cases ?? 0}, записей журнала аудита ${r.restored.audit.count}.`);
  return 0;
}
