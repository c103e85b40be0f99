/**
 * Portal emulator command line (a test and demo counterpart, not the portal):
 *
 *   npx tsx tools/portal-emulator/cli.ts serve --port 8480 --db ./emulator.sqlite --office surgut:SECRET [--office ...]
 *   npx tsx tools/portal-emulator/cli.ts application --db ./emulator.sqlite --office surgut --last-name Петрова [--first-name ..] [--channel epgu|regional_portal|mfc]
 *   npx tsx tools/portal-emulator/cli.ts contract --db ./emulator.sqlite --office surgut --ippsu 1/2026 --status signed [--provider ..] [--from 2026-12-01 --until 2027-11-30]
 *   npx tsx tools/portal-emulator/cli.ts delivered --db ./emulator.sqlite --office surgut --ippsu 1/2026 [--from .. --until ..]
 *   npx tsx tools/portal-emulator/cli.ts act --db ./emulator.sqlite --office surgut --ippsu 1/2026
 *   npx tsx tools/portal-emulator/cli.ts providers --db ./emulator.sqlite --office surgut
 *   npx tsx tools/portal-emulator/cli.ts received --db ./emulator.sqlite --office surgut
 *
 * Commands other than `serve` work on the database file directly (the server may be running).
 */
import { CONTRACT_STATUS_CODES, CONTRACT_STATUSES } from '../../core/exchange/protocol';
import { applicationSubmitted, contractStatus, referenceProviders, servicesDelivered } from './samples';
import { addInbound, listReceived, openEmulatorDb, startEmulator } from './server';

function args(argv: string[]) {
  const multi = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const key = argv[i].slice(2);
    const val = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
    multi.set(key, [...(multi.get(key) ?? []), val]);
  }
  return {
    get: (k: string, d?: string) => multi.get(k)?.[0] ?? d,
    all: (k: string) => multi.get(k) ?? [],
  };
}

function need(v: string | undefined, name: string): string {
  if (!v) {
    console.error(`Не указан параметр --${name}`);
    process.exit(2);
  }
  return v;
}

async function main(): Promise<void> {
  const [cmd, ...rest] = process.argv.slice(2);
  const a = args(rest);
  const dbFile = a.get('db', './emulator.sqlite')!;
  const office = a.get('office');
  const add = (type: string, payload: unknown) => {
    const code = need(office, 'office').split(':')[0];
    const db = openEmulatorDb(dbFile);
    try {
      const e = addInbound(db, code, type, payload);
      console.log(`${type} → ${code}: событие ${e.id}, № ${e.seq}`);
    } finally {
      db.close();
    }
  };
  switch (cmd) {
    case 'serve': {
      const offices: Record<string, string> = {};
      for (const o of a.all('office')) {
        const [code, secret] = o.split(':');
        if (!code || !secret) throw new Error('--office code:secret');
        offices[code] = secret;
      }
      const emu = await startEmulator({ port: Number(a.get('port', '8480')), host: a.get('host', '127.0.0.1'), dbFile, offices });
      console.log(`Эмулятор портала: ${emu.url} (база ${dbFile}; управления: ${Object.keys(offices).join(', ') || 'из базы'})`);
      const stop = () => void emu.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return;
    }
    case 'application':
      return add(
        'application.submitted',
        applicationSubmitted({
          lastName: a.get('last-name'),
          firstName: a.get('first-name'),
          middleName: a.get('middle-name'),
          birthDate: a.get('birth-date'),
          channel: a.get('channel') as 'epgu' | undefined,
          receivedAt: a.get('received-at'),
          subservice: a.get('subservice'),
          portalId: a.get('portal-id'),
        }),
      );
    case 'contract': {
      const s = need(a.get('status'), 'status');
      const status = CONTRACT_STATUS_CODES[s] ?? s;
      if (!(CONTRACT_STATUSES as readonly string[]).includes(status)) throw new Error(`--status: ${Object.keys(CONTRACT_STATUS_CODES).join(' | ')}`);
      return add(
        'contract.status',
        contractStatus({ ippsu: need(a.get('ippsu'), 'ippsu'), status, provider: a.get('provider'), date: a.get('date'), from: a.get('from'), until: a.get('until'), contract: a.get('contract') }),
      );
    }
    case 'delivered':
      return add('services.delivered', servicesDelivered({ ippsu: need(a.get('ippsu'), 'ippsu'), from: a.get('from'), until: a.get('until') }));
    case 'act':
      return add('services.act_signed', { ippsuNumber: need(a.get('ippsu'), 'ippsu'), period: null, signedAt: new Date().toISOString() });
    case 'providers':
      return add('reference.providers', referenceProviders());
    case 'received': {
      const db = openEmulatorDb(dbFile);
      try {
        for (const r of listReceived(db, need(office, 'office'))) {
          console.log(`${String(r.seq).padStart(6)}  ${r.status.padEnd(8)}  ${r.type.padEnd(24)} ${r.id}${r.reason ? `  — ${r.reason}` : ''}`);
        }
      } finally {
        db.close();
      }
      return;
    }
    default:
      console.log('Команды: serve, application, contract, delivered, act, providers, received (см. tools/portal-emulator/README.md)');
      process.exit(cmd ? 2 : 0);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
