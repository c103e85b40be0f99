/**
 * The office's letterhead, written once for every printed form that carries
 * it. Letters (the refusal, the interagency request, the complaint answer)
 * have the corner blank of ГОСТ Р 7.0.97-2016: top left the office's name,
 * its address, phone and e-mail, the letter's date and number (and «На № …
 * от …» where the letter may answer one); top right the addressee. Forms
 * (the receipt, the ИППСУ) head their first page with the office's name over
 * a rule (`officeTitle`).
 */
import { AlignmentType, Paragraph, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType, convertMillimetersToTwip, type Table } from 'docx';
import { formatRuDate } from '../../core/domain/dates';
import { LETTER_TEXT_WIDTH_MM, layoutGrid, para } from './docx-kit';

export interface LetterOffice {
  name: string;
  address: string;
  phone: string;
  email?: string | null;
}

export interface LetterRegistration {
  /** ISO date of the letter; a blank to fill in when absent. */
  date?: string | null;
  /** Outgoing number; a blank to fill in when absent (a draft). */
  number?: string | null;
  /** «На № ____ от ____»: the letter may answer one. */
  replyTo?: boolean;
}

/** A line of the addressee's block (or of the office's), pt and points after. */
export interface BlockLine {
  text: string;
  bold?: boolean;
  size?: number;
  after?: number;
}

/** Lines of a block, one paragraph each. */
function blockLines(texts: BlockLine[], align: 'left' | 'center' = 'left'): Paragraph[] {
  return texts.map(
    (t) =>
      new Paragraph({
        alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { after: Math.round((t.after ?? 0) * 20) },
        children: [new TextRun({ text: t.text, bold: t.bold, size: t.size === undefined ? undefined : Math.round(t.size * 2) })],
      }),
  );
}

/** The office's requisites and the letter's date and number: the left part of the corner blank. */
function officeBlock(office: LetterOffice, reg: LetterRegistration): BlockLine[] {
  return [
    { text: office.name, bold: true, size: 11, after: 3 },
    { text: office.address, size: 9 },
    { text: `Тел.: ${office.phone}`, size: 9 },
    ...(office.email ? [{ text: `Эл. почта: ${office.email}`, size: 9 }] : []),
    { text: '', size: 6 },
    { text: `${reg.date ? formatRuDate(reg.date) : '____________'} № ${reg.number || '__________'}`, size: 11, after: reg.replyTo ? 2 : 0 },
    ...(reg.replyTo ? [{ text: 'На № ____________ от ____________', size: 11 }] : []),
  ];
}

/**
 * The corner blank of a letter: the office, the date and the number (left,
 * centred), a gap, the addressee (right, flush left); one row, kept whole.
 */
export function letterhead(office: LetterOffice, reg: LetterRegistration, addressee: BlockLine[]): Table {
  const total = convertMillimetersToTwip(LETTER_TEXT_WIDTH_MM);
  const gap = Math.floor(total * 0.06);
  const w = [Math.floor(total / 2), gap, total - Math.floor(total / 2) - gap];
  const cell = (children: Paragraph[], i: number) =>
    new TableCell({
      width: { size: w[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.TOP,
      children: children.length > 0 ? children : [new Paragraph({})],
    });
  return layoutGrid(
    w,
    [
      new TableRow({
        cantSplit: true,
        children: [cell(blockLines(officeBlock(office, reg), 'center'), 0), cell([], 1), cell(blockLines(addressee), 2)],
      }),
    ],
    { right: 60 },
  );
}

/** The office's name centred in bold over a rule, heading a form's first page. */
export function officeTitle(name: string, o: { size?: number; after?: number } = {}): Paragraph {
  return para(name, { align: 'center', bold: true, size: o.size, after: o.after, ruleBelow: true });
}
