/**
 * Case-processing benchmarks: rendering the ИППСУ (draft, through the API)
 * and the Appendix 4 act of a case, each as DOCX.
 */
import { join } from 'node:path';
import { Backend } from '../main/backend/backend';
import type { CaseView } from '../core/api/reception';
import { addDays, localDateTime, todayIso } from '../core/domain/dates';
import { NEED_ACT } from '../scripts/form-samples-acts';
import { SAMPLE_IPPSU } from '../scripts/form-samples-decision';
import { sampleApplication } from '../tests/support/applications';
import { percentile, sample, type Metric } from './lib';

export async function processingBench(dir: string): Promise<Metric[]> {
  const b = new Backend({ dbFile: join(dir, 'processing.sqlite') });
  const admin = (await b.invoke(null, 'setup.init', { officeCode: 'surgut', username: 'admin', fullName: 'Админ', position: 'Администратор', password: 'bench-pass-1' })).session!.token!;
  await b.invoke(admin, 'users.create', { username: 'spec', fullName: 'Специалистова С. С.', position: 'Специалист', roles: ['specialist', 'reception'], password: 'bench-pass-1' });
  const spec = (await b.invoke(null, 'auth.login', { username: 'spec', password: 'bench-pass-1' })).session!.token!;
  const call = async (method: string, input: unknown) => {
    const r = await b.call(spec, method, input);
    if (!r.envelope.ok) throw new Error(`${method}: ${r.envelope.error.message}`);
    return r.envelope.data;
  };
  const today = todayIso();
  const c = (await call('cases.register', sampleApplication({ receivedAt: localDateTime(new Date(Date.now() - 60_000)), documents: [] }))) as CaseView;
  await call('acts.save', { caseId: c.id, rev: 0, form: 'appendix4', act: NEED_ACT });
  // A decision draft needs "documents complete"; the benchmark renders from a draft saved directly.
  b.db.$client.prepare("update cases set status = 'documents_complete' where id = ?").run(c.id);
  const v = (await call('decisions.save', { caseId: c.id, decisionId: null, rev: 0, kind: 'ippsu', ippsu: { ...SAMPLE_IPPSU, date: today, termUntil: addDays(today, 3 * 365) } })) as CaseView;
  const decisionId = v.decisions[0].id;

  await call('decisions.print', { decisionId }); // warm-up
  const ippsu = await sample(30, () => call('decisions.print', { decisionId }));
  await call('acts.print', { caseId: c.id, form: 'appendix4' });
  const act4 = await sample(30, () => call('acts.print', { caseId: c.id, form: 'appendix4' }));
  b.close();
  return [
    { metric: 'docx.ippsu.p50', value: percentile(ippsu, 50), unit: 'ms', target: null },
    { metric: 'docx.ippsu.p95', value: percentile(ippsu, 95), unit: 'ms', target: 250 },
    { metric: 'docx.appendix4.p50', value: percentile(act4, 50), unit: 'ms', target: null },
    { metric: 'docx.appendix4.p95', value: percentile(act4, 95), unit: 'ms', target: 250 },
  ];
}
