/**
 * Shared toolkit of the printed forms (DOCX through the `docx` package).
 *
 * Every form builder makes its pages with `portraitSection` or
 * `landscapeSection`, its content with the helpers below, and its file with
 * `createDocument` + `toBuffer`. Conventions: A4, margins 20 mm on the left
 * (binding) and 15 mm elsewhere, Times New Roman 12 pt, single line spacing,
 * page numbers «Страница N из M» at the bottom of every page but the first
 * (so a one-page document prints none: see `section`).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import { formatRuDate, formatRuDateTime } from '../../core/domain/dates';
import { applyLayout } from './layout';
import { textWidthPt } from './text-metrics';

export const FONT = 'Times New Roman';
/** Body text size, pt. */
export const FONT_SIZE = 12;
/** Table text size, pt: a size smaller than the body keeps long titles compact. */
export const TABLE_FONT_SIZE = 11;

export const PAGE_MM = { width: 210, height: 297 } as const;
/** A4 in twips, exactly as Word writes it (mm conversion rounds down by one). */
const A4_TWIPS = { width: 11906, height: 16838 } as const;
/**
 * Margins after ГОСТ Р 7.0.97-2016, п. 5.1 (at least 20 mm left, 10 mm
 * right, 20 mm top and bottom): forms use 20 mm on the left, letters 30 mm
 * (documents kept long); 15 mm on the right keeps the text off the printers'
 * unprintable edge.
 */
export const MARGINS_MM = { top: 20, right: 15, bottom: 20, left: 20 } as const;
export const LETTER_MARGINS_MM = { top: 20, right: 15, bottom: 20, left: 30 } as const;

export type Margins = { top: number; right: number; bottom: number; left: number };

export type Orientation = 'portrait' | 'landscape';
export type Align = 'left' | 'center' | 'right' | 'both';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
} as const;

/** Half-points, as the DOCX format counts font sizes. */
const hp = (pt: number): number => Math.round(pt * 2);
/** Twentieths of a point (paragraph spacing). */
const twip = (pt: number): number => Math.round(pt * 20);

/** Width of the text area between the margins, mm. */
export function textWidthMm(orientation: Orientation = 'portrait', margins: Margins = MARGINS_MM): number {
  const pageWidth = orientation === 'portrait' ? PAGE_MM.width : PAGE_MM.height;
  return pageWidth - margins.left - margins.right;
}

// ------------------------------------------------------------------ document

export interface DocumentOptions {
  /** Document title (file properties). */
  title: string;
  subject?: string;
  sections: ISectionOptions[];
}

export function createDocument(o: DocumentOptions): Document {
  return new Document({
    title: o.title,
    subject: o.subject,
    creator: 'Socdesk',
    lastModifiedBy: 'Socdesk',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: hp(FONT_SIZE), language: { value: 'ru-RU' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
    },
    sections: o.sections,
  });
}

export interface SectionOptions {
  margins?: Margins;
  /** A header printed on every page, the first included (the «ПРОЕКТ» mark of a draft); made once per header part. */
  header?: () => Paragraph[];
}

/*
 * Page numbers only on documents of more than one page. A Word field
 * `IF NUMPAGES > 1 "Страница PAGE из NUMPAGES" ""` would also number the
 * first page, but LibreOffice (7.4) does not evaluate a nested IF: it prints
 * the inner fields' values side by side («111»). So every section has a
 * different first page (w:titlePg) with an empty footer, and «Страница N из
 * M» on the others: a one-page document prints no number, a longer one
 * numbers its pages from the second on, as ГОСТ Р 7.0.97-2016 has
 * it for letters. Word, LibreOffice and docx-preview (the in-app preview,
 * which shows one page per section and so the first-page footer) agree.
 */
function section(orientation: Orientation, children: FileChild[], o: SectionOptions = {}): ISectionOptions {
  const m = o.margins ?? MARGINS_MM;
  const header = o.header;
  return {
    properties: {
      titlePage: true,
      page: {
        // Portrait dimensions: docx swaps them for landscape.
        size: {
          width: A4_TWIPS.width,
          height: A4_TWIPS.height,
          orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
        },
        margin: {
          top: convertMillimetersToTwip(m.top),
          right: convertMillimetersToTwip(m.right),
          bottom: convertMillimetersToTwip(m.bottom),
          left: convertMillimetersToTwip(m.left),
          header: convertMillimetersToTwip(8),
          footer: convertMillimetersToTwip(8),
        },
      },
    },
    headers: header ? { default: new Header({ children: header() }), first: new Header({ children: header() }) } : undefined,
    footers: { default: pageNumberFooter(), first: new Footer({ children: [new Paragraph({})] }) },
    children,
  };
}

/** An A4 portrait section (page numbers from the second page). */
export function portraitSection(children: FileChild[], o: SectionOptions = {}): ISectionOptions {
  return section('portrait', children, o);
}

/** An A4 landscape section (page numbers from the second page). */
export function landscapeSection(children: FileChild[], o: SectionOptions = {}): ISectionOptions {
  return section('landscape', children, o);
}

/** A letter (refusal, request, complaint answer): ГОСТ Р 7.0.97-2016 margins. */
export function letterSection(children: FileChild[], o: Omit<SectionOptions, 'margins'> = {}): ISectionOptions {
  return section('portrait', children, { ...o, margins: LETTER_MARGINS_MM });
}

/** Text width of a letter, mm. */
export const LETTER_TEXT_WIDTH_MM = textWidthMm('portrait', LETTER_MARGINS_MM);

/** «Страница N из M», centered, 9 pt: the footer of every page but the first. */
function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ size: hp(9), children: ['Страница ', PageNumber.CURRENT, ' из ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** A fixed time for the zip entries: the same document gives the same bytes. */
const ZIP_MTIME = new Date('2020-01-01T00:00:00Z');

/** The DOCX file, with the layout and typography rules of ./layout applied to its body. */
export async function toBuffer(doc: Document): Promise<Buffer> {
  const raw = await Packer.toBuffer(doc);
  const files = unzipSync(new Uint8Array(raw));
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    out[name] = name === 'word/document.xml' ? strToU8(applyLayout(strFromU8(data))) : data;
  }
  return Buffer.from(zipSync(out, { level: 6, mtime: ZIP_MTIME }));
}

// ------------------------------------------------------------------ paragraphs

export interface TextOptions {
  align?: Align;
  bold?: boolean;
  italics?: boolean;
  /** pt */
  size?: number;
  /** Space before / after the paragraph, pt. */
  before?: number;
  after?: number;
  /** First-line indent, mm. */
  firstLine?: number;
  keepNext?: boolean;
  /** A rule under the paragraph (letterhead). */
  ruleBelow?: boolean;
}

/** A run of text for mixed paragraphs (`para([run('a', { bold: true }), run('b')])`). */
export function run(text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    bold: o.bold,
    italics: o.italics,
    size: o.size === undefined ? undefined : hp(o.size),
    underline: o.underline ? {} : undefined,
  });
}

function runsOf(text: string, o: TextOptions): TextRun[] {
  return text.split('\n').map(
    (l, i) =>
      new TextRun({
        text: l,
        break: i === 0 ? undefined : 1,
        bold: o.bold,
        italics: o.italics,
        size: o.size === undefined ? undefined : hp(o.size),
      }),
  );
}

/** A paragraph of plain text, or of the runs given. */
export function para(content: string | TextRun[], o: TextOptions = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'left'],
    spacing: { before: twip(o.before ?? 0), after: twip(o.after ?? 0) },
    indent: o.firstLine ? { firstLine: convertMillimetersToTwip(o.firstLine) } : undefined,
    keepNext: o.keepNext,
    border: o.ruleBelow ? { bottom: { style: BorderStyle.SINGLE, size: 8, space: 4, color: '000000' } } : undefined,
    children: typeof content === 'string' ? runsOf(content, o) : content,
  });
}

/** Empty vertical space, pt. */
export function spacer(pt = 6): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: twip(pt), lineRule: 'exact' }, children: [] });
}

/** Centered bold title: the first line in 14 pt, the others in 12 pt. */
export function title(lines: string | string[], o: { before?: number; after?: number } = {}): Paragraph[] {
  const all = typeof lines === 'string' ? [lines] : lines;
  return all.map((l, i) =>
    para(l, {
      align: 'center',
      bold: true,
      size: i === 0 ? 14 : FONT_SIZE,
      before: i === 0 ? (o.before ?? 6) : 0,
      after: i === all.length - 1 ? (o.after ?? 8) : 0,
      keepNext: true,
    }),
  );
}

/** «Label: value» with the label in bold; justified so long values wrap neatly. */
export function labelValue(label: string, value: string, o: { after?: number; size?: number; align?: Align } = {}): Paragraph {
  const size = o.size === undefined ? undefined : hp(o.size);
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'both'],
    spacing: { before: 0, after: twip(o.after ?? 3) },
    children: [new TextRun({ text: `${label}: `, bold: true, size }), new TextRun({ text: value, size })],
  });
}

// ------------------------------------------------------------------ tables

export interface Column {
  title: string;
  /** Relative width; the columns share the table width in proportion. */
  width: number;
  /** Alignment of the body cells (the header is centered). */
  align?: Align;
}

export type Cell = string | { text: string; bold?: boolean; align?: Align; colSpan?: number };

export interface TableOptions {
  orientation?: Orientation;
  /** Table width, mm; the whole text width by default. */
  widthMm?: number;
  /** Body cells, pt (TABLE_FONT_SIZE by default). */
  fontSize?: number;
  /** Header row, pt (the body size by default). */
  headerFontSize?: number;
  /** Tighter cell padding (one-page forms such as the receipt). */
  compact?: boolean;
}

const CELL_MARGINS = { top: 30, bottom: 30, left: 70, right: 70 } as const;

function cellParagraphs(text: string, align: Align, bold: boolean, size: number): Paragraph[] {
  return text.split('\n').map(
    (l) =>
      new Paragraph({
        alignment: ALIGN[align],
        children: [new TextRun({ text: l, bold, size: hp(size) })],
      }),
  );
}

/**
 * A bordered table: a bold header row repeated on each page, then the rows.
 * Rows are not split across pages. A cell is a string or `{ text, bold,
 * align, colSpan }`; '\n' in a cell's text starts a new paragraph. Column
 * titles hold no soft hyphens (the layout rules remove them): give narrow columns room for their longest word.
 */
export function table(columns: Column[], rows: Cell[][], o: TableOptions = {}): Table {
  const size = o.fontSize ?? TABLE_FONT_SIZE;
  const totalTwips = convertMillimetersToTwip(o.widthMm ?? textWidthMm(o.orientation));
  const weight = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((totalTwips * c.width) / weight));

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          shading: { fill: 'EDEDED', color: 'auto', type: 'clear' },
          children: cellParagraphs(c.title, 'center', true, o.headerFontSize ?? size),
        }),
    ),
  });

  const body = rows.map((cells) => {
    let col = 0;
    return new TableRow({
      cantSplit: true,
      children: cells.map((cell) => {
        const c = typeof cell === 'string' ? { text: cell } : cell;
        const span = c.colSpan ?? 1;
        const w = widths.slice(col, col + span).reduce((s, x) => s + x, 0);
        const align = c.align ?? columns[col]?.align ?? 'left';
        col += span;
        return new TableCell({
          width: { size: w, type: WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          verticalAlign: VerticalAlignTable.TOP,
          children: cellParagraphs(c.text, align, c.bold ?? false, size),
        });
      }),
    });
  });

  return new Table({
    width: { size: widths.reduce((s, x) => s + x, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: o.compact ? { ...CELL_MARGINS, top: 0, bottom: 0 } : CELL_MARGINS,
    rows: [header, ...body],
  });
}

/**
 * A borderless table of fixed column widths (twips) that only places things
 * (signatures, letterheads, lines to write on); `padding` is each cell's
 * left and right padding, twips.
 */
export function layoutGrid(widths: number[], rows: TableRow[], padding: { left?: number; right?: number } = {}): Table {
  return new Table({
    width: { size: widths.reduce((s, x) => s + x, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: padding.left ?? 0, right: padding.right ?? 0 },
    rows,
  });
}

// ------------------------------------------------------------------ lines to write on

/** A piece of text on a line to write on: plain, or with its own formatting (a chosen option underlined). */
export type Span = string | { text: string; bold?: boolean; underline?: boolean };

export interface WriteOnOptions {
  /** Text right after the line, on its row («;», «руб.»). */
  end?: string;
  /** Whole lines to write on under the first. */
  extra?: number;
  /** A line of this width, mm, with `end` right after it; by default the line runs to the margin. */
  lineMm?: number;
  /** Text size, pt (FONT_SIZE by default). */
  size?: number;
  /** The label in bold (a span may set it for itself). */
  bold?: boolean;
  /** Width, mm (the text width of a form by default). */
  widthMm?: number;
  /** Space before the first line, pt (none after the last: it would come between the text and its line; add a `spacer`). */
  before?: number;
  /** The lines keep with what follows them. */
  keepNext?: boolean;
}

/** Height of a whole line to write on, pt (about 6.4 mm: room for handwriting). */
const WHOLE_LINE_PT = 18;
/** A line shorter than this after its label moves under the label, mm. */
const MIN_LINE_MM = 30;
/** Room between a label and its line, twips (about 1 mm). */
const LABEL_GAP = 60;
const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const ptToTwip = (pt: number): number => Math.ceil(pt * 20);

/** The runs of text pieces: `bold` for those that do not say, `size` pt (the document's by default). */
export function spanRuns(spans: Span[], o: { size?: number; bold?: boolean } = {}): TextRun[] {
  return spans.map((x) => {
    const s = typeof x === 'string' ? { text: x } : x;
    return new TextRun({ text: s.text, bold: s.bold ?? o.bold, underline: s.underline ? {} : undefined, size: o.size === undefined ? undefined : hp(o.size) });
  });
}

function spansWidthPt(spans: Span[], size: number, bold?: boolean): number {
  return spans.reduce((w, x) => (typeof x === 'string' ? w + textWidthPt(x, size, bold) : w + textWidthPt(x.text, size, x.bold ?? bold)), 0);
}

/**
 * «label ________ end» and `extra` whole lines under it, to write on by
 * hand: a borderless table of fixed-width cells whose blank cells have a
 * bottom border, so a line is always drawn, whatever the renderer (a tab
 * leader vanishes when its label nearly fills the line, and the in-app
 * preview draws no leaders at all). The label's cell is as wide as its text
 * (Times New Roman metrics, ./text-metrics); a label that would leave less
 * than MIN_LINE_MM of its line takes a row of its own, justified, with the
 * line under it. No label: whole lines only.
 */
export function writeOnLines(label: Span[], o: WriteOnOptions = {}): Table {
  const size = o.size ?? FONT_SIZE;
  const total = convertMillimetersToTwip(o.widthMm ?? textWidthMm());
  const spans = label.filter((x) => (typeof x === 'string' ? x : x.text) !== '');
  const endW = o.end ? ptToTwip(textWidthPt(o.end, size)) + 40 : 0;
  const labelW = spans.length > 0 ? ptToTwip(spansWidthPt(spans, size, o.bold) * 1.01) + LABEL_GAP : 0;
  const fixedLine = o.lineMm === undefined ? undefined : convertMillimetersToTwip(o.lineMm);
  const inline = labelW + endW + (fixedLine ?? convertMillimetersToTwip(MIN_LINE_MM)) <= total;
  // Columns: the label (when on the line's row), the line, what follows it (the end, or the rest of a fixed line's row).
  const labelCol = inline ? labelW : 0;
  const lineCol = fixedLine ?? total - labelCol - endW;
  const widths = [labelCol, lineCol, total - labelCol - lineCol].filter((w) => w > 0);
  const lineAt = labelCol > 0 ? 1 : 0;

  const p = (children: TextRun[], align: Align = 'left', first = false) =>
    new Paragraph({
      alignment: ALIGN[align],
      keepNext: o.keepNext,
      spacing: { before: first ? twip(o.before ?? 0) : 0, after: 0 },
      // A no-break space: an empty cell has no height in the in-app preview.
      children: children.length > 0 ? children : [new TextRun({ text: '\u00a0', size: hp(size) })],
    });
  const cell = (children: Paragraph[], width: number, line: boolean, span = 1) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: VerticalAlignTable.BOTTOM,
      borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom: line ? LINE_BORDER : NO_BORDER },
      children,
    });
  const lines = 1 + (o.extra ?? 0);
  const rows: TableRow[] = [];
  if (spans.length > 0 && !inline) {
    rows.push(new TableRow({ children: [cell([p(spanRuns(spans, { size, bold: o.bold }), 'both', true)], total, false, widths.length)] }));
  }
  for (let i = 0; i < lines; i++) {
    const first = rows.length === 0;
    const cells: TableCell[] = [];
    if (i === 0 && labelCol > 0) cells.push(cell([p(spanRuns(spans, { size, bold: o.bold }), 'left', first)], labelCol, false));
    // The first line after an inline label, or a whole line (spanning the label's column).
    const span = i === 0 || labelCol === 0 ? 1 : 2;
    cells.push(cell([p([], 'left', first)], span === 2 ? labelCol + lineCol : lineCol, true, span));
    if (widths.length > lineAt + 1) {
      const rest = widths[widths.length - 1]!;
      cells.push(cell([p(i === 0 && o.end ? spanRuns([o.end], { size }) : [], 'left', first)], rest, false));
    }
    // A whole line is as high as a handwritten line needs; one beside its label as high as the label.
    const whole = i > 0 || labelCol === 0;
    rows.push(new TableRow({ children: cells, height: whole ? { value: twip(WHOLE_LINE_PT), rule: 'atLeast' } : undefined }));
  }
  return layoutGrid(widths, rows);
}

// ------------------------------------------------------------------ signatures

export interface SignatureOptions {
  /** Text to the left of the signature (position, role); may be empty. */
  label?: string;
  /** The signer's name as printed after the line, usually `shortName(...)`; blank when omitted. */
  name?: string;
  /** A date (ДД.ММ.ГГГГ) printed to the right, or `true` for a blank «__.__.20__». */
  date?: string | true;
  orientation?: Orientation;
  /** Width, mm (the text width by default; LETTER_TEXT_WIDTH_MM in letters). */
  widthMm?: number;
}

const SIGN_LINE = '________________';

/**
 * «label   ________________ / Фамилия И. О. /   date» with «(подпись)» under
 * the line: a borderless two-row table, so the caption stays under the line.
 */
export function signatureLine(o: SignatureOptions): Table {
  const total = convertMillimetersToTwip(o.widthMm ?? textWidthMm(o.orientation));
  const w = [0.26, 0.22, 0.25, 0.27].map((k) => Math.floor(total * k));
  const name = o.name ? `/ ${o.name} /` : '/ ____________________ /';
  const date = o.date === true ? '«___» ________ 20___ г.' : (o.date ?? '');
  const small = 8;
  const cell = (text: string, i: number, align: Align, sz = FONT_SIZE, italics = false): TableCell =>
    new TableCell({
      width: { size: w[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.BOTTOM,
      children: [
        new Paragraph({ alignment: ALIGN[align], children: [new TextRun({ text, size: hp(sz), italics })] }),
      ],
    });
  return layoutGrid(
    w,
    [
      new TableRow({
        cantSplit: true,
        children: [
          cell(o.label ?? '', 0, 'left'),
          cell(SIGN_LINE, 1, 'center'),
          cell(name, 2, 'left'),
          cell(date, 3, 'right'),
        ],
      }),
      new TableRow({
        cantSplit: true,
        children: [
          cell('', 0, 'left', small),
          cell('(подпись)', 1, 'center', small, true),
          cell('(фамилия, инициалы)', 2, 'left', small, true),
          cell(o.date ? '(дата)' : '', 3, 'right', small, true),
        ],
      }),
    ],
    { right: 60 },
  );
}

export interface SignatureBlock {
  /** «Документы принял:» */
  heading: string;
  /** The signer's position and full name, under the heading. */
  detail?: string;
  /** As printed after the line, usually `shortName(...)`. */
  name: string;
  /** ДД.ММ.ГГГГ, or `true` for a blank «__» ___ 20__ г. */
  date: string | true;
}

/**
 * Two signature blocks side by side (who accepted, who received): the
 * heading and details, then «________ / Фамилия И. О. / дата» with the
 * captions under it; one row each, kept together.
 */
export function signatureColumns(blocks: [SignatureBlock, SignatureBlock], o: { size?: number; leftShare?: number } = {}): Table {
  const size = o.size ?? 10;
  const total = convertMillimetersToTwip(textWidthMm());
  const gap = Math.floor(total * 0.04);
  const left = Math.floor((total - gap) * (o.leftShare ?? 0.5));
  const w = [left, gap, total - gap - left];
  const p = (text: string, o2: { bold?: boolean; sz?: number; italics?: boolean; align?: Align; after?: number } = {}) =>
    new Paragraph({
      alignment: ALIGN[o2.align ?? 'left'],
      spacing: { after: twip(o2.after ?? 0) },
      children: [new TextRun({ text, bold: o2.bold, italics: o2.italics, size: hp(o2.sz ?? size) })],
    });
  type VAlign = (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable];
  const cell = (children: Paragraph[], i: number, align: VAlign = VerticalAlignTable.TOP) =>
    new TableCell({ width: { size: w[i]!, type: WidthType.DXA }, verticalAlign: align, children });
  const row = (make: (b: SignatureBlock) => Paragraph[], align?: VAlign) =>
    new TableRow({
      cantSplit: true,
      children: [cell(make(blocks[0]), 0, align), cell([new Paragraph({})], 1), cell(make(blocks[1]), 2, align)],
    });
  const dateText = (b: SignatureBlock) => (b.date === true ? '«___» ____________ 20___ г.' : b.date);
  return layoutGrid(
    w,
    [
      row((b) => [
        new Paragraph({
          spacing: { after: twip(4) },
          children: [
            new TextRun({ text: `${b.heading} `, bold: true, size: hp(size + 1) }),
            new TextRun({ text: b.detail ?? '', size: hp(size) }),
          ],
        }),
      ]),
      row((b) => [p(`_______________ / ${b.name} /`, { sz: size + 1 })], VerticalAlignTable.BOTTOM),
      row(() => [p('          (подпись)          (фамилия, инициалы)', { sz: 7, italics: true })]),
      row((b) => [p(`Дата: ${dateText(b)}`, { sz: size + 1 })]),
    ],
    { right: 40 },
  );
}

export interface Executor {
  name: string;
  position?: string | null;
  phone: string;
}

/**
 * «Исполнитель: должность Фамилия Имя Отчество», «Тел.: …» in 10 pt at the
 * foot of a letter (ГОСТ Р 7.0.97-2016, п. 5.26), kept together.
 */
export function executorLines(e: Executor): Paragraph[] {
  return [
    para([run('Исполнитель: ', { size: 10 }), run([e.position, e.name].filter(Boolean).join(' '), { size: 10 })], {
      before: 24,
      keepNext: true,
    }),
    para([run('Тел.: ', { size: 10 }), run(e.phone, { size: 10 })]),
  ];
}

// ------------------------------------------------------------------ text helpers

/**
 * «Иванова Анна Сергеевна» -> «Иванова А. С.»; hyphenated names give
 * «А.-М.»; lowercase particles of patronymics (оглы, кызы) are kept.
 */
export function shortName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const [last, ...rest] = words;
  const initials = rest.map((w) =>
    w === w.toLowerCase()
      ? w
      : w
          .split('-')
          .filter(Boolean)
          .map((p) => `${p[0]!.toUpperCase()}.`)
          .join('-'),
  );
  return [last!, ...initials].join(' ');
}

/** First letter upper-cased (regulation titles start lowercase). */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** 'YYYY-MM-DDTHH:MM' (local wall clock, as cases store receivedAt) -> 'ДД.ММ.ГГГГ ЧЧ:ММ'. */
export function formatLocalDateTime(s: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(s);
  return m ? `${formatRuDate(m[1]!)} ${m[2]}` : formatRuDateTime(s);
}

/** The date of an ISO timestamp (local wall clock) or of an ISO date, as 'ДД.ММ.ГГГГ'. */
export function formatDateOf(s: string): string {
  return formatRuDateTime(s).slice(0, 10);
}

/** The media type of every printed form. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A printed form as the API returns it for download. */
export function docxFile(fileName: string, buf: Buffer): { fileName: string; mime: string; base64: string } {
  return { fileName, mime: DOCX_MIME, base64: buf.toString('base64') };
}
