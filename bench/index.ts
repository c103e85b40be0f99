/**
 * `npm run bench` prints a table of speed figures; `npm run bench -- --json`
 * prints one JSON object per line: {"metric", "value", "unit", "target"}.
 * Targets are for the project's 2-core machines. Nothing here is asserted by
 * the test suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setQuiet } from '../main/backend/logger';
import { foundationBench } from './foundation';
import { report, type Metric } from './lib';

async function main(): Promise<void> {
  setQuiet(true);
  const json = process.argv.includes('--json');
  const dir = mkdtempSync(join(tmpdir(), 'socdesk-bench-'));
  try {
    const metrics: Metric[] = [...(await foundationBench(dir))];
    report(metrics, json);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
