import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnv } from './helpers';
import { LOG_FILE, log, logToFolder, recentProblems, setQuiet, stopLogToFolder } from '../../main/backend/logger';

let dir: string;
beforeEach(() => {
  setQuiet(true);
  dir = mkdtempSync(join(tmpdir(), 'socdesk-log-'));
});
afterEach(() => {
  stopLogToFolder();
  rmSync(dir, { recursive: true, force: true });
});

const lines = (folder: string) =>
  readFileSync(join(folder, LOG_FILE), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the log file', () => {
  it('keeps no ФИО, СНИЛС, address or document of a logged object, at any depth, and keeps the identifiers', async () => {
    const folder = logToFolder(dir);
    const personal = ['Семёнова', 'Анна', 'Петровна', '112-233-445 95', '11223344595', 'Ленина', 'Сургут', '67 01', '123456', '1950-03-04', 'secret-pass'];
    const person = { lastName: 'Семёнова', firstName: 'Анна', middleName: 'Петровна', snils: '112-233-445 95', birthDate: '1950-03-04' };
    log.warn('intake refused', {
      caseId: 41,
      fullName: 'Семёнова Анна Петровна',
      snils: '11223344595',
      regAddress: 'г. Сургут, ул. Ленина, д. 1',
      applicant: person,
      case: { id: 41, person: { ...person }, reg_address: 'г. Сургут, ул. Ленина, д. 1', id_doc: { series: '67 01', number: '123456' } },
      rows: [{ last_name: 'Семёнова', address: 'г. Сургут' }, { deeper: { still: { lastName: 'Семёнова' } } }],
      password: 'secret-pass',
    });
    log.error('handler failed', new Error('Семёнова Анна Петровна'), { method: 'cases.register', fio: 'Семёнова А. П.' });
    const text = readFileSync(join(folder, LOG_FILE), 'utf8');
    for (const p of personal) expect(text, p).not.toContain(p);
    const [warn, error] = lines(folder);
    expect(warn).toMatchObject({ level: 'warn', msg: 'intake refused', caseId: 41, fullName: '[скрыто]', case: { id: 41, person: '[скрыто]' } });
    expect(error).toMatchObject({ level: 'error', msg: 'handler failed', method: 'cases.register', error: 'Error' });
    // The administrator's screen gets the same redacted fields.
    const shown = JSON.stringify(recentProblems(2));
    for (const p of personal) expect(shown, p).not.toContain(p);
    expect(recentProblems(2).map((e) => e.msg)).toEqual(['handler failed', 'intake refused']);
    // The administrator's screen reads them through the API (its output schema: flat fields).
    const env = await createEnv();
    try {
      const r = await env.backend.invoke(env.adminToken, 'logs.recent', { limit: 2 });
      expect(r.data!.map((e) => e.msg)).toEqual(['handler failed', 'intake refused']);
      expect(r.data![1]!.meta).toMatchObject({ caseId: 41, fullName: '[скрыто]' });
      for (const p of personal) expect(JSON.stringify(r.data), p).not.toContain(p);
    } finally {
      env.cleanup();
    }
    if (process.platform === 'win32') return;
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, LOG_FILE)).mode & 0o777).toBe(0o600);
  });

  it('rotates by size and by the office day, and keeps a bounded number of files of bounded age', () => {
    const folder = join(dir, 'logs');
    mkdirSync(folder);
    // Yesterday's file: the first line today starts a new one.
    writeFileSync(join(folder, LOG_FILE), '{"msg":"old"}\n');
    const yesterday = new Date(Date.now() - 36 * 3600_000);
    utimesSync(join(folder, LOG_FILE), yesterday, yesterday);
    // A rotated file older than the age limit goes at the next rotation.
    writeFileSync(join(folder, 'socdesk-2000-01-01T00-00-00-000Z.log'), '{"msg":"ancient"}\n');
    const ancient = new Date(Date.now() - 60 * 24 * 3600_000);
    utimesSync(join(folder, 'socdesk-2000-01-01T00-00-00-000Z.log'), ancient, ancient);

    logToFolder(dir, { maxBytes: 2000, keepFiles: 3, maxAgeDays: 30 });
    log.info('first of the day', { n: 0 });
    expect(lines(folder)).toEqual([expect.objectContaining({ msg: 'first of the day' })]);
    let rotated = readdirSync(folder).filter((f) => f !== LOG_FILE);
    expect(rotated).toHaveLength(1);
    expect(readFileSync(join(folder, rotated[0]!), 'utf8')).toContain('old');

    // Well past the size limit: files of at most 2,000 bytes, the last three kept.
    for (let i = 1; i <= 200; i++) log.info('a line of some length to fill the file', { n: i, padding: 'x'.repeat(40) });
    expect(statSync(join(folder, LOG_FILE)).size).toBeLessThanOrEqual(2000);
    rotated = readdirSync(folder).filter((f) => f !== LOG_FILE);
    expect(rotated).toHaveLength(3);
    for (const f of rotated) expect(statSync(join(folder, f)).size).toBeLessThanOrEqual(2000);
    // The newest lines are in the current file.
    expect(lines(folder).at(-1)).toMatchObject({ n: 200 });
  });
});
