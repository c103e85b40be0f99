import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setQuiet } from '../main/backend/logger';
import { receptionBench } from '../bench/reception';
import { controlBench } from '../bench/control';
import { report } from '../bench/lib';
(async () => {
  setQuiet(true);
  const dir = mkdtempSync(join(tmpdir(), 'ctl-bench-'));
  const n = Number(process.argv[2] ?? 20000);
  await receptionBench(dir, { cases: n, persons: Math.round(n * 1.5) }, console.error);
  report(await controlBench(dir, console.error), false);
})();
