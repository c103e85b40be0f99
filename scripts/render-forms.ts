/**
 * Renders every printed form with sample data to forms-preview/: .docx, .pdf
 * (LibreOffice) and one .png per page (pdftoppm -r 70), to look at the
 * layout. Usage: npx tsx scripts/render-forms.ts [name ...]
 * Add new forms to FORMS in scripts/form-catalog.ts (samples live in scripts/form-samples*.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { docxToPdf } from '../tests/helpers/docx-text';
import { FORMS } from './form-catalog';

const OUT = resolve(__dirname, '..', 'forms-preview');

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const forms = only.length > 0 ? FORMS.filter((f) => only.includes(f.name)) : FORMS;
  if (forms.length === 0) throw new Error(`No such form. Known: ${FORMS.map((f) => f.name).join(', ')}`);
  mkdirSync(OUT, { recursive: true });

  for (const f of forms) {
    for (const old of readdirSync(OUT)) {
      if (old.startsWith(`${f.name}.`) || new RegExp(`^${f.name}-\\d+\\.png$`).test(old)) rmSync(join(OUT, old));
    }
    const docx = join(OUT, `${f.name}.docx`);
    const pdf = join(OUT, `${f.name}.pdf`);
    const buf = await f.build();
    writeFileSync(docx, buf);
    docxToPdf(buf, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(OUT, f.name)]);
    const pages = readdirSync(OUT).filter((n) => new RegExp(`^${f.name}-\\d+\\.png$`).test(n)).sort();
    console.log(`${f.name}: ${docx}, ${pdf}, ${pages.length} page(s): ${pages.join(', ')}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
