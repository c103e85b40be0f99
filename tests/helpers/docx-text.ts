/**
 * DOCX -> text / PDF through LibreOffice headless, for form tests and the
 * preview script. Each process uses its own LibreOffice profile, so parallel
 * test workers and scripts do not clash over the user installation lock.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SOFFICE = process.env.SOFFICE_BIN ?? 'soffice';
const TIMEOUT_MS = 180_000;

const PROFILE_PREFIX = 'socdesk-lo-profile-';
let profileDir: string | null = null;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the profiles of processes that ended without their exit hook (e.g. killed test workers). */
function removeStaleProfiles(): void {
  for (const name of readdirSync(tmpdir())) {
    const m = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name);
    if (m && !isAlive(Number(m[1]))) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** A private LibreOffice profile for this process, removed on exit. */
function profileUrl(): string {
  if (!profileDir) {
    removeStaleProfiles();
    const dir = mkdtempSync(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
    profileDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return `file://${profileDir}`;
}

/** Converts `file` in `outDir` with the given `--convert-to` target; returns nothing, throws on failure. */
function convert(file: string, outDir: string, target: string): void {
  try {
    execFileSync(
      SOFFICE,
      [`-env:UserInstallation=${profileUrl()}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, file],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: TIMEOUT_MS },
    );
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT') {
      throw new Error(
        `LibreOffice is not installed: '${SOFFICE}' was not found on PATH. ` +
          'Install it (apt-get install -y libreoffice-writer-nogui) or set SOFFICE_BIN.',
        { cause: e },
      );
    }
    const stderr = err.stderr ? err.stderr.toString().trim() : '';
    throw new Error(`LibreOffice failed to convert ${file} to ${target}: ${err.message}${stderr ? `\n${stderr}` : ''}`, { cause: e });
  }
}

function withTempDocx<T>(buf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'socdesk-docx-'));
  try {
    const file = join(dir, 'form.docx');
    writeFileSync(file, buf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a DOCX (UTF-8 plain text as LibreOffice exports it: one line per paragraph / table cell). */
export function docxToText(buf: Buffer): string {
  return withTempDocx(buf, (file, dir) => {
    convert(file, dir, 'txt:Text (encoded):UTF8');
    return readFileSync(join(dir, 'form.txt'), 'utf8').replace(/^\uFEFF/, '');
  });
}

/** Writes the DOCX as PDF to `outPath`; returns `outPath`. */
export function docxToPdf(buf: Buffer, outPath: string): string {
  return withTempDocx(buf, (file, dir) => {
    convert(file, dir, 'pdf:writer_pdf_Export');
    mkdirSync(dirname(outPath), { recursive: true });
    copyFileSync(join(dir, 'form.pdf'), outPath);
    return outPath;
  });
}
