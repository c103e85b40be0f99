/**
 * `npm run bench` prints a table of speed figures; `npm run bench -- --json`
 * prints one JSON object per line: {"metric", "value", "unit", "target"}.
 * Targets are for the project's 2-core machines. Nothing here is asserted by
 * the test suite. `--cases N --persons N` size the register (default 200,000 / 300,000).
 * `npm run bench -- renderer` runs the renderer benchmark alone (on a register of its own).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setQuiet } from '../main/backend/logger';
import { controlBench } from './control';
import { dataSafetyBench } from './data-safety';
import { foundationBench } from './foundation';
import { lanBench } from './lan';
import { exchangeApplyBench, exchangeBench } from './exchange';
import { liveBench } from './live';
import { makeRegister } from './generate';
import { processingBench } from './processing';
import { receptionBench } from './reception';
import { rendererBenchOn } from './renderer';
import { report, type Metric } from './lib';

async function main(): Promise<void> {
  setQuiet(true);
  const json = process.argv.includes('--json');
  const dir = mkdtempSync(join(tmpdir(), 'socdesk-bench-'));
  try {
    const arg = (name: string, dflt: number) => {
      const i = process.argv.indexOf(name);
      return i > 0 ? Number(process.argv[i + 1]) : dflt;
    };
    const progress = (s: string) => json || console.error(s);
    const cases = arg('--cases', 200_000);
    if (process.argv.slice(2).includes('renderer')) {
      report(await rendererBenchOn(dir, await makeRegister(join(dir, 'register.sqlite'), cases, progress), progress), json);
      return;
    }
    const metrics: Metric[] = [
      ...(await foundationBench(dir)),
      ...(await receptionBench(dir, { cases, persons: arg('--persons', 300_000) }, progress)),
      // Reopens the reception benchmark's register.
      ...(await controlBench(dir, progress)),
      // That register served by the built host to Chromium: keystrokes, opening a case, list pages.
      ...(await rendererBenchOn(dir, join(dir, 'register.sqlite'), progress)),
      // On the register the reception benchmark made, served by a host process to 10 workstations.
      ...(await lanBench(dir, join(dir, 'register.sqlite'), cases)),
      // A verified, encrypted backup of that register; a 1,000,000-row audit chain walked.
      ...(await dataSafetyBench(dir, join(dir, 'register.sqlite'), progress)),
      ...(await liveBench(dir)),
      ...(await processingBench(dir)),
      ...(await exchangeBench(dir)),
      // 20,000 portal events applied through the inbox against a raw insert of the same rows.
      ...(await exchangeApplyBench(dir)),
    ];
    report(metrics, json);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
