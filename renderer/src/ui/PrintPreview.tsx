/**
 * «Просмотр и печать»: a printed form (the DOCX the backend built) shown in
 * the app, rendered from that same DOCX by docx-preview, with «Печать» (the
 * system print dialog, window.print of the rendered pages only) and
 * «Сохранить DOCX». No Word or LibreOffice is needed to print.
 *
 * `previewFile(f)` opens it from anywhere; `PrintPreviewHost` is mounted once
 * at the root.
 */
import { Alert, Box, Button, Group, Loader, Modal, Text } from '@mantine/core';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { FileOut } from '../../../core/api/reception';
import { saveFile } from './download';

let current: FileOut | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Shows a printed form in the preview. */
export function previewFile(f: FileOut): void {
  current = f;
  emit();
}

function closePreview(): void {
  current = null;
  emit();
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * docx-preview drops Word's non-breaking hyphens (w:noBreakHyphen, which the
 * forms use in «Ханты-Мансийск»): for the screen they become U+2011.
 */
function forPreview(docx: Uint8Array<ArrayBuffer>): Uint8Array {
  const files = unzipSync(docx);
  const xml = files['word/document.xml'];
  if (!xml) return docx;
  files['word/document.xml'] = strToU8(strFromU8(xml).replace(/<w:noBreakHyphen\/>/g, '<w:t>\u2011</w:t>'));
  return zipSync(files);
}

const PRINT_ROOT = 'sd-print-root';
const PRINTING = 'sd-printing';

/**
 * The print stylesheet: while printing, only the copy of the rendered pages
 * in #sd-print-root is shown, page by page, without the preview's frame.
 */
const PRINT_CSS = `
#${PRINT_ROOT} { display: none; }
@media print {
  @page { size: A4; margin: 0; }
  body.${PRINTING} > *:not(#${PRINT_ROOT}) { display: none !important; }
  body.${PRINTING} #${PRINT_ROOT} { display: block; }
  #${PRINT_ROOT} .docx-wrapper { background: none !important; padding: 0 !important; display: block !important; }
  #${PRINT_ROOT} .docx-wrapper > section.docx { box-shadow: none !important; margin: 0 !important; break-after: page; }
  #${PRINT_ROOT} .docx-wrapper > section.docx:last-child { break-after: auto; }
}
.sd-preview .docx-wrapper { background: var(--mantine-color-gray-2); padding: 16px; }
.sd-preview .docx-wrapper > section.docx { margin-bottom: 16px; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
`;

/** Prints the rendered pages with the system print dialog. */
export function printRendered(container: HTMLElement): void {
  document.getElementById(PRINT_ROOT)?.remove();
  const root = document.createElement('div');
  root.id = PRINT_ROOT;
  root.innerHTML = container.innerHTML;
  document.body.appendChild(root);
  document.body.classList.add(PRINTING);
  const done = () => {
    document.body.classList.remove(PRINTING);
    root.remove();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  try {
    window.print();
  } finally {
    // Browsers that print synchronously have printed by now; afterprint may never come in a test.
    setTimeout(done, 1000);
  }
}

export function PrintPreviewHost() {
  const f = useSyncExternalStore(subscribe, () => current);
  // The container mounts with the modal (a callback ref: the render waits for it).
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  // Which file has been rendered (or failed to): any other is still loading.
  const [done, setDone] = useState<{ file: FileOut; ok: boolean } | null>(null);
  const state = done && done.file === f ? (done.ok ? 'ready' : 'failed') : 'loading';

  useEffect(() => {
    if (!f || !el) return;
    let cancelled = false;
    const t = setTimeout(() => {
      el.innerHTML = '';
      void import('docx-preview')
        .then(({ renderAsync }) =>
          renderAsync(forPreview(bytesOf(f.base64)), el, el, {
            className: 'docx',
            inWrapper: true,
            breakPages: true,
            ignoreLastRenderedPageBreak: true,
            experimental: false,
            useBase64URL: true,
          }),
        )
        .then(
          () => {
            if (cancelled) return;
            setDone({ file: f, ok: true });
            // One key: «Печать» takes the focus once the document is shown.
            requestAnimationFrame(() => document.querySelector<HTMLButtonElement>('[data-print-button]')?.focus());
          },
          () => !cancelled && setDone({ file: f, ok: false }),
        );
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [f, el]);

  return (
    <>
      <style>{PRINT_CSS}</style>
      <Modal
        opened={f !== null}
        onClose={closePreview}
        size={900}
        title={<Text fw={600}>Просмотр и печать{f ? `: ${f.fileName.replace(/\.docx$/, '')}` : ''}</Text>}
        aria-label="Просмотр и печать"
      >
        <Group justify="flex-end" mb="sm">
          <Button
            data-print-button
            disabled={state !== 'ready'}
            onClick={() => el && printRendered(el)}
          >
            Печать
          </Button>
          <Button variant="default" onClick={() => f && saveFile(f)}>
            Сохранить DOCX
          </Button>
          <Button variant="subtle" onClick={closePreview}>
            Закрыть
          </Button>
        </Group>
        {state === 'loading' && (
          <Group justify="center" p="xl">
            <Loader size="sm" />
            <Text c="dimmed">Документ открывается…</Text>
          </Group>
        )}
        {state === 'failed' && (
          <Alert color="red" mb="sm">
            Не удалось показать документ. Сохраните его и откройте в текстовом редакторе.
          </Alert>
        )}
        <Box className="sd-preview" ref={setEl} data-testid="print-preview" style={{ overflow: 'auto', maxHeight: '70vh' }} />
      </Modal>
    </>
  );
}
