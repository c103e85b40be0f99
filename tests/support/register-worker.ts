/**
 * A second process registering applications in the same database file, for
 * the journal-numbering concurrency test: `tsx register-worker.ts <db> <worker> <count>`.
 * Prints the journal numbers it got as JSON.
 */
import { localDateTime } from '../../core/domain/dates';
import { Backend } from '../../main/backend/backend';
import { setQuiet } from '../../main/backend/logger';
import { sampleApplication, snilsFrom } from './applications';

setQuiet(true);

const [dbFile, worker, n] = process.argv.slice(2);
(async () => {
  const b = new Backend({ dbFile });
  const token = (await b.invoke(null, 'auth.login', { username: 'priem', password: 'user-pass-1' })).session!.token!;
  const got: number[] = [];
  for (let i = 0; i < Number(n); i++) {
    const seed = 10_000 * (Number(worker) + 1) + i;
    const c = await b.invoke(token, 'cases.register', sampleApplication({ receivedAt: localDateTime(new Date(Date.now() - 60_000)), applicant: { snils: snilsFrom(seed), lastName: `Процесс${worker}` } }));
    got.push(c.data.journalSeq);
  }
  b.close();
  console.log(JSON.stringify(got));
})();
