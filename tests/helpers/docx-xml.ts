/**
 * Reads a DOCX itself (no LibreOffice): unzips `word/document.xml` with
 * fflate and gives its paragraphs, tables, underlined runs and the layout
 * properties the form tests assert on (keepNext, cantSplit, margins).
 * The XML is the one the `docx` package writes, so a small regex reader is
 * enough: no nested tables beyond what the forms use, no text boxes.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxXml {
  /** word/document.xml */
  xml: string;
  /** Every other part's XML by path (footers, headers, relationships). */
  parts: Record<string, string>;
}

export function readDocx(buf: Buffer | Uint8Array): DocxXml {
  const files = unzipSync(buf instanceof Uint8Array ? buf : new Uint8Array(buf));
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = strFromU8(data);
  const xml = parts['word/document.xml'];
  if (!xml) throw new Error('word/document.xml missing: not a DOCX');
  return { xml, parts };
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** The text of an XML fragment: w:t contents, w:tab as a tab, w:br as a newline. */
export function textOf(fragment: string): string {
  let out = '';
  const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:noBreakHyphen\/>/g;
  for (let m = re.exec(fragment); m; m = re.exec(fragment)) {
    if (m[1] !== undefined) out += decode(m[1]);
    else if (m[0].startsWith('<w:tab')) out += '\t';
    else if (m[0].startsWith('<w:noBreakHyphen')) out += '-';
    else out += '\n';
  }
  return out;
}

/** Every paragraph's XML (w:p), in document order, tables included. */
export function paragraphXml(xml: string): string[] {
  return xml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p(?:\s[^>]*)?\/>/g) ?? [];
}

/** Every paragraph's text, in document order (table cells paragraph by paragraph). */
export function paragraphs(buf: Buffer | DocxXml): string[] {
  const { xml } = Buffer.isBuffer(buf) ? readDocx(buf) : buf;
  return paragraphXml(xml).map(textOf);
}

/** The document's text: one line per paragraph (as LibreOffice's text export gives it). */
export function docxText(buf: Buffer): string {
  return paragraphs(buf).join('\n');
}

/**
 * One line, single spaces (no-break spaces included), lower case, every kind
 * of quote as «"»: to compare printed text with the data it came from.
 */
export function norm(s: string): string {
  return s
    .replace(/[«»„“”"]/g, '"')
    .replace(/[\u00ad\u200b]/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Top-level tables with their rows' XML (nested tables stay inside their cell). */
function topLevel(xml: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?>|</${tag}>`, 'g');
  let depth = 0;
  let start = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].startsWith('</')) {
      depth--;
      if (depth === 0) out.push(xml.slice(start, m.index + m[0].length));
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return out;
}

export interface DocxTable {
  xml: string;
  /** Rows of cell texts (a cell's paragraphs joined by '\n'). */
  rows: string[][];
  rowXml: string[];
  /** Rows marked as header rows repeated on each page. */
  headerRows: number;
  /** Rows that may not split across pages. */
  cantSplitRows: number;
}

export function tables(doc: DocxXml): DocxTable[] {
  const bodyTables = topLevel(doc.xml, 'w:tbl');
  return bodyTables.map((t) => {
    const inner = t.slice(t.indexOf('>') + 1, t.lastIndexOf('</w:tbl>'));
    const rowXml = topLevel(inner, 'w:tr');
    return {
      xml: t,
      rowXml,
      rows: rowXml.map((r) =>
        topLevel(r.slice(r.indexOf('>') + 1, r.lastIndexOf('</w:tr>')), 'w:tc').map((c) =>
          paragraphXml(c).map(textOf).join('\n'),
        ),
      ),
      headerRows: rowXml.filter((r) => /<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(r)).length,
      cantSplitRows: rowXml.filter((r) => /<w:cantSplit\/>|<w:cantSplit w:val="(true|1|on)"\/>/.test(r)).length,
    };
  });
}

/** Whether a table cell is a line to write on: empty, with a single bottom border (docx-kit `writeOnLines`). */
export function isLineCell(tc: string): boolean {
  return /<w:bottom w:val="single"/.test(tc) && textOf(tc).trim() === '';
}

/**
 * The lines to write on after `label`: in the table whose row has a cell
 * starting with the label, the line cells of that row and the rows under it,
 * each row as its cells' texts with '' for a line (['Сумма баллов:', '', '(из 100 возможных)']).
 */
export function linesAfter(doc: DocxXml, label: string): { lines: number; rows: string[][] } {
  for (const t of tables(doc)) {
    const at = t.rows.findIndex((r) => r.some((c) => norm(c).startsWith(norm(label))));
    if (at < 0) continue;
    const rows = t.rowXml.slice(at).map((r) => topLevel(r.slice(r.indexOf('>') + 1, r.lastIndexOf('</w:tr>')), 'w:tc'));
    return {
      lines: rows.flat().filter(isLineCell).length,
      rows: rows.map((cells) => cells.map((c) => (isLineCell(c) ? '' : norm(paragraphXml(c).map(textOf).join('\n'))))),
    };
  }
  return { lines: 0, rows: [] };
}

/** Texts of the underlined runs, in order («нужное подчеркнуть»). */
export function underlinedRuns(doc: DocxXml): string[] {
  const runs = doc.xml.match(/<w:r>[\s\S]*?<\/w:r>|<w:r\s[^>]*>[\s\S]*?<\/w:r>/g) ?? [];
  return runs
    .filter((r) => /<w:u w:val="(?!none)[^"]*"\/>/.test(r))
    .map(textOf)
    .filter((t) => t.trim() !== '');
}

/** Margins of every section, mm (rounded). */
export function marginsMm(doc: DocxXml): { top: number; right: number; bottom: number; left: number }[] {
  const out: { top: number; right: number; bottom: number; left: number }[] = [];
  const re = /<w:pgMar ([^>]*)\/>/g;
  for (let m = re.exec(doc.xml); m; m = re.exec(doc.xml)) {
    const attr = (n: string) => Math.round((Number(new RegExp(`w:${n}="(-?\\d+)"`).exec(m![1]!)?.[1] ?? 0) * 25.4) / 1440);
    out.push({ top: attr('top'), right: attr('right'), bottom: attr('bottom'), left: attr('left') });
  }
  return out;
}

/** Whether a paragraph keeps with the next one. */
export function keepsNext(pXml: string): boolean {
  return /<w:keepNext\/>|<w:keepNext w:val="(true|1|on)"\/>/.test(pXml);
}

/** The paragraph XML whose text (normalized) starts with `text`. */
export function paragraphStarting(doc: DocxXml, text: string): string | undefined {
  return paragraphXml(doc.xml).find((p) => norm(textOf(p)).startsWith(norm(text)));
}

/** The footers of one section: whether its first page has a footer of its own (w:titlePg), and each footer's XML. */
export interface SectionFooters {
  titlePage: boolean;
  /** Footer XML by type ('default', 'first', 'even'). */
  footers: Record<string, string>;
}

/** The footers of every section, resolved through word/_rels/document.xml.rels. */
export function sectionFooters(doc: DocxXml): SectionFooters[] {
  const rels = doc.parts['word/_rels/document.xml.rels'] ?? '';
  const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  return (doc.xml.match(/<w:sectPr(?:\s[^>]*)?>[\s\S]*?<\/w:sectPr>/g) ?? []).map((s) => {
    const footers: Record<string, string> = {};
    for (const m of s.matchAll(/<w:footerReference w:type="(\w+)" r:id="([^"]+)"\/>/g)) {
      const t = target(m[2]!);
      if (t) footers[m[1]!] = doc.parts[`word/${t}`] ?? '';
    }
    return { titlePage: /<w:titlePg\/>|<w:titlePg w:val="(true|1|on)"\/>/.test(s), footers };
  });
}

/** The field codes of an XML part, in order (« PAGE », « NUMPAGES »). */
export function fieldCodes(xml: string): string[] {
  return [...xml.matchAll(/<w:instrText(?:\s[^>]*)?>([^<]*)<\/w:instrText>|<w:fldSimple [^>]*w:instr="([^"]*)"/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
}

/** Whether the XML of the whole package holds a soft hyphen (U+00AD). */
export function hasSoftHyphen(doc: DocxXml): boolean {
  return Object.values(doc.parts).some((x) => x.includes('\u00ad') || x.includes('&#173;'));
}

/** All text of a document as one normalized line. */
export function flatText(buf: Buffer): string {
  return norm(docxText(buf));
}
