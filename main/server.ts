/**
 * The office host without a window (an office server, or browser mode on
 * one computer). `npm run host -- …` or `node out/main/server.js …`:
 *
 *   --listen ADDR:PORT   where to listen (default 127.0.0.1:8470); beyond
 *                        loopback (0.0.0.0:8470, 192.168.1.10:8470) HTTPS only
 *   --host ADDR --port N the same, in two parts (kept for browser mode)
 *   --data-dir DIR       the register, its certificate (default ./data)
 *   --name NAME          a DNS name workstations use for this host (repeatable)
 *   --tls                HTTPS on loopback too
 *   --tls-cert F --tls-key F   the office's own certificate instead of the host's
 *   --static-dir DIR     the built renderer (default: next to this file)
 *
 *   unlock USERNAME      clears a user's sign-in locks (the administrator's way in)
 *   certificate          prints the certificate's code and SHA-256
 *   backup               one verified, encrypted backup (--folder DIR, --passphrase-file F)
 *   backups              lists the backups (--folder DIR)
 *   restore FILE --yes   with the host stopped: replaces the database with a backup, the current one saved first
 *   audit-verify         walks the audit chain: OK with the count and head hash, or the first broken row
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE_NAME } from '../db/connection';
import { Backend } from './backend/backend';
import { logToFolder } from './backend/logger';
import { unlockUser } from './host/commands';
import { auditVerifyCommand, backupCommand, listBackupsCommand, restoreCommand } from './host/data-commands';
import { startHost } from './host/host';
import { DEFAULT_PORT, parseListen } from './host/network';
import { loadOrCreateCertificate } from './host/tls';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    listen: { type: 'string' },
    port: { type: 'string', default: process.env.SOCDESK_PORT },
    host: { type: 'string' },
    'data-dir': { type: 'string', default: process.env.SOCDESK_DATA_DIR ?? './data' },
    name: { type: 'string', multiple: true, default: [] },
    tls: { type: 'boolean', default: false },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'static-dir': { type: 'string' },
    folder: { type: 'string' },
    'passphrase-file': { type: 'string' },
    yes: { type: 'boolean', default: false },
  },
});

const dataDir = resolve(values['data-dir']!);

function die(e: unknown): never {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}

async function main(): Promise<void> {
  const [command, arg] = positionals;
  if (command === 'unlock') {
    if (!arg) die('Укажите имя пользователя: unlock <имя>');
    const b = new Backend({ dbFile: join(dataDir, DB_FILE_NAME) });
    console.log(unlockUser(b, arg));
    b.close();
    return;
  }
  if (command === 'certificate') {
    const files = values['tls-cert'] && values['tls-key'] ? { certFile: values['tls-cert'], keyFile: values['tls-key'] } : undefined;
    const { info } = await loadOrCreateCertificate(dataDir, values.name!, files);
    console.log(`Код сертификата: ${info.code}\nSHA-256: ${info.sha256}`);
    return;
  }
  const dataOpts = { dataDir, folder: values.folder, passphraseFile: values['passphrase-file'] };
  if (command === 'audit-verify') process.exit(auditVerifyCommand(dataOpts));
  if (command === 'backup') process.exit(await backupCommand(dataOpts));
  if (command === 'backups') process.exit(listBackupsCommand(dataOpts));
  if (command === 'restore') {
    if (!arg) die('Укажите файл резервной копии: restore <файл> --yes');
    process.exit(await restoreCommand({ ...dataOpts, file: arg, yes: values.yes! }));
  }
  if (command) die(`Неизвестная команда «${command}». Команды: unlock <имя>, certificate, backup, backups, restore <файл>, audit-verify.`);

  // Everything the host writes (database, backups, keys, logs) is owner-only.
  process.umask(0o077);
  logToFolder(dataDir);
  const listen = values.listen
    ? parseListen(values.listen)
    : { host: values.host ?? '127.0.0.1', port: values.port === undefined ? DEFAULT_PORT : Number(values.port) };
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) die('Укажите оба файла: --tls-cert и --tls-key.');
  const host = await startHost({
    dataDir,
    listen,
    tls: values.tls ? 'on' : 'auto',
    tlsFiles: values['tls-cert'] ? { certFile: resolve(values['tls-cert']), keyFile: resolve(values['tls-key']!) } : undefined,
    names: values.name,
    staticDir: values['static-dir'] ? resolve(values['static-dir']) : join(__dirname, '..', 'renderer'),
  });
  // Printed even when logging is silenced: tests and scripts read the address from the JSON line.
  console.log(JSON.stringify({ msg: 'socdesk host listening', url: host.url }));
  const info = host.info();
  if (info.urls.length) console.log(`Socdesk: журнал управления доступен рабочим местам по адресам:\n  ${info.urls.join('\n  ')}`);
  if (host.certificate) {
    console.log(`Код сертификата (сверьте на каждом рабочем месте при подключении): ${host.certificate.code}`);
    console.log(`SHA-256 сертификата: ${host.certificate.sha256}`);
  }

  const shutdown = () => void host.close().finally(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch(die);
