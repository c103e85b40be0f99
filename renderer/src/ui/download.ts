/**
 * Files the API returned (a DOCX the backend printed). `downloadFile` opens
 * «Просмотр и печать» (./PrintPreview), from where the form is printed or
 * saved; `saveFile` saves it through the browser's download: base64 → Blob →
 * object URL → a clicked <a download>. In Electron the main process turns
 * the download into a save dialog.
 */
import type { FileOut } from '../../../core/api/reception';
import { notifyError } from './forms';
import { previewFile } from './PrintPreview';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A printed form (DOCX) is shown in the preview, with «Печать» and «Сохранить DOCX»; any other file (a spreadsheet) is saved. */
export function downloadFile(f: FileOut): void {
  if (f.mime === DOCX || f.fileName.toLowerCase().endsWith('.docx')) previewFile(f);
  else saveFile(f);
}

export function saveFile(f: FileOut): void {
  const binary = atob(f.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: f.mime || 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoking at once can cancel the download in some browsers: let it start first.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Runs a print and downloads its file; `set` shows the button busy meanwhile; a failure is a notification. */
export async function printForm(run: () => Promise<FileOut>, set: (b: boolean) => void) {
  set(true);
  try {
    downloadFile(await run());
  } catch (e) {
    notifyError(e);
  } finally {
    set(false);
  }
}
