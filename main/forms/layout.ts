/**
 * Page-layout and typography rules applied to every printed form: `toBuffer`
 * of docx-kit passes each package's word/document.xml through `applyLayout`,
 * so no builder can forget them.
 *
 * Typography (text of each paragraph, across its runs):
 * - no-break spaces after «д.», «кв.», «г.», «ул.», «N», «№» and the like, in
 *   initials («Петрова М. И.», «М. И. Петрова»), between a number and its
 *   unit («30 минут», «2025 г.», «5 км») and in «офис 12»; the house keeps
 *   with its street («Барабинская, д. 18»: «д. 18» never stands alone);
 * - non-breaking hyphens inside hyphenated proper names («Ханты-Мансийск»)
 *   and between digits (phone numbers «30-01-27», СНИЛС, outgoing numbers);
 * - quotes «» outside, „“ inside; straight quotes turned into them;
 * - no soft hyphens (U+00AD).
 * Layout:
 * - a paragraph right before a table keeps with it (labels, headings, the
 *   text before a signature block);
 * - no table row splits across pages (cantSplit);
 * - a short table (up to SHORT_TABLE_ROWS rows) stays on one page;
 * - a paragraph's lines stay together (keepLines) unless it is long.
 */

/** Tables up to this many rows are kept on one page. */
export const SHORT_TABLE_ROWS = 8;
/** Paragraphs longer than this (characters) may split across pages. */
const KEEP_LINES_MAX = 700;

const NBSP = '\u00a0';

/** Abbreviations followed by a no-break space (before a name or a number). */
const ABBREVIATIONS = ['д', 'кв', 'г', 'ул', 'корп', 'стр', 'пр', 'просп', 'пер', 'мкр', 'пос', 'с', 'п', 'тел', 'т', 'им', 'доб', 'каб', 'ст', 'гр', 'рег', 'пгт'];
/** Units after a number. */
const UNITS = [
  'кв\\.',
  'г\\.',
  'гг\\.',
  'мин',
  'минут[аы]?',
  'ч\\.?',
  'час(?:а|ов)?',
  'км',
  'м',
  'мм',
  'см',
  'кг',
  'руб\\.?',
  'рублей',
  'коп\\.?',
  'лет',
  'года?',
  'дн(?:я|ей)?',
  'дней',
  'дн\\.',
  'раз(?:а)?',
  'листов',
  'лист(?:а|ах)?',
  'л\\.',
  'шт\\.?',
  '%',
  'баллов',
  'балла?',
  'рабочих',
  'календарных',
];
const ABBR_RE = new RegExp(`(^|[\\s(«„"])((?:${ABBREVIATIONS.join('|')})\\.) (?=[\\d+А-ЯЁа-яё«"])`, 'g');
const NUMBER_SIGN_RE = /(^|[^А-Яа-яЁёA-Za-z])(№|N) (?=\d|_)/g;
const UNIT_RE = new RegExp(`(\\d) (?=(?:${UNITS.join('|')})(?![а-яё]))`, 'g');
const WORD_NUMBER_RE = /(^|[\s(])(офис|кабинет|кабинеты|дом|квартира|корпус|строение|пункт|пункта|пункте|пунктом|часть|части|статья|статьи|статьей|приложение|приложения|приложением|п\.|ст\.|ч\.) (?=\d)/gi;
const INITIALS_RE = /([А-ЯЁ]\.) (?=[А-ЯЁ]\.)/g;
const SURNAME_INITIALS_RE = /([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) (?=[А-ЯЁ]\.(?:[\s\u00a0]|$|[,;)/]))/g;
const INITIALS_SURNAME_RE = /((?:^|[\s(])[А-ЯЁ]\.) (?=[А-ЯЁ][а-яё]{2,})/g;
/** «ул. Барабинская, д. 18»: the comma's space before «д.» and a number (run after ABBR_RE made «д. 18» one word). */
const STREET_HOUSE_RE = /([А-ЯЁа-яё]), (?=д\.\u00a0\d)/g;

/** Typography of one paragraph's text; keeps the length (one character for one). */
export function typography(text: string): string {
  let t = text;
  t = t.replace(ABBR_RE, `$1$2${NBSP}`);
  t = t.replace(NUMBER_SIGN_RE, `$1$2${NBSP}`);
  t = t.replace(UNIT_RE, `$1${NBSP}`);
  t = t.replace(WORD_NUMBER_RE, `$1$2${NBSP}`);
  t = t.replace(INITIALS_RE, `$1${NBSP}`);
  t = t.replace(SURNAME_INITIALS_RE, `$1${NBSP}`);
  t = t.replace(INITIALS_SURNAME_RE, `$1${NBSP}`);
  t = t.replace(STREET_HOUSE_RE, `$1,${NBSP}`);
  return quotes(t);
}

/** Straight quotes to «»; quotes inside quotes to „“. Keeps the length. */
export function quotes(text: string): string {
  const out: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    let ch = text[i]!;
    if (ch === '"') {
      const prev = i === 0 ? ' ' : text[i - 1]!;
      const opening = /[\s([«„\u00a0/—-]/.test(prev) || i === 0;
      ch = opening ? '«' : '»';
    }
    if (ch === '«' || ch === '„') {
      out.push(depth === 0 ? '«' : '„');
      depth++;
    } else if (ch === '»' || ch === '“') {
      if (depth > 0) depth--;
      out.push(depth === 0 ? '»' : '“');
    } else out.push(ch);
  }
  return out.join('');
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

function encode(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const T_RE = /<w:t(\s[^>]*)?>([^<]*)<\/w:t>/g;
/** Hyphenated proper names and numbers («Ханты-Мансийск», «30-01-27»): the hyphen does not break the line. */
const PROPER_HYPHEN_RE = /([А-ЯЁ][а-яё]+-(?=[А-ЯЁ][а-яё]+)|\d-(?=\d))/g;

/** Applies the typography to a paragraph's runs, keeping each run's text in its run. */
function typesetParagraph(p: string): string {
  const texts: string[] = [];
  for (let m = T_RE.exec(p); m; m = T_RE.exec(p)) texts.push(decode(m[2]!).replace(/\u00ad/g, ''));
  T_RE.lastIndex = 0;
  if (texts.length === 0) return p;
  const joined = typography(texts.join(''));
  let at = 0;
  let i = 0;
  return p.replace(T_RE, () => {
    const len = texts[i++]!.length;
    const piece = joined.slice(at, at + len);
    at += len;
    const withHyphens = encode(piece).replace(PROPER_HYPHEN_RE, (m) => `${m.slice(0, -1)}</w:t><w:noBreakHyphen/><w:t xml:space="preserve">`);
    return `<w:t xml:space="preserve">${withHyphens}</w:t>`;
  });
}

/** Adds an empty property element to a paragraph's w:pPr (creating it), once. */
function withParagraphProp(p: string, prop: 'keepNext' | 'keepLines'): string {
  if (new RegExp(`<w:${prop}(\\s[^>]*)?/>`).test(p)) return p;
  const el = `<w:${prop}/>`;
  if (/<w:pPr>/.test(p)) {
    // keepNext/keepLines come right after pStyle in the schema order.
    return /<w:pStyle [^>]*\/>/.test(p) ? p.replace(/(<w:pPr><w:pStyle [^>]*\/>)/, `$1${el}`) : p.replace('<w:pPr>', `<w:pPr>${el}`);
  }
  return p.replace(/^<w:p(\s[^>]*)?>/, (m) => `${m}<w:pPr>${el}</w:pPr>`);
}

const P_RE = /<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g;

function textLength(p: string): number {
  let n = 0;
  for (let m = T_RE.exec(p); m; m = T_RE.exec(p)) n += m[2]!.length;
  T_RE.lastIndex = 0;
  return n;
}

/** Top-level elements of `tag` with their spans. */
function spans(xml: string, tag: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?>|</${tag}>`, 'g');
  let depth = 0;
  let start = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].startsWith('</')) {
      depth--;
      if (depth === 0) out.push({ start, end: m.index + m[0].length });
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return out;
}

/** Every row cantSplit; a short table's rows keep with the next row. */
function layoutTable(tbl: string): string {
  const inner = tbl.slice(tbl.indexOf('>') + 1, tbl.lastIndexOf('</w:tbl>'));
  const rows = spans(inner, 'w:tr');
  const short = rows.length <= SHORT_TABLE_ROWS;
  let out = '';
  let last = 0;
  rows.forEach((r, i) => {
    out += inner.slice(last, r.start);
    let row = inner.slice(r.start, r.end);
    if (!/<w:cantSplit\/>/.test(row)) {
      row = /<w:trPr>/.test(row)
        ? row.replace('<w:trPr>', '<w:trPr><w:cantSplit/>')
        : row.replace(/^<w:tr(\s[^>]*)?>/, (m) => `${m}<w:trPr><w:cantSplit/></w:trPr>`);
    }
    if (short && i < rows.length - 1) row = row.replace(P_RE, (p) => withParagraphProp(p, 'keepNext'));
    out += row;
    last = r.end;
  });
  out += inner.slice(last);
  return tbl.slice(0, tbl.indexOf('>') + 1) + out + '</w:tbl>';
}

/** The layout and typography rules over a whole word/document.xml. */
export function applyLayout(xml: string): string {
  // Typography and keepLines, paragraph by paragraph (tables included).
  let doc = xml.replace(/<w:p\/>/g, '<w:p></w:p>').replace(P_RE, (p) => {
    const typeset = typesetParagraph(p);
    return textLength(typeset) <= KEEP_LINES_MAX ? withParagraphProp(typeset, 'keepLines') : typeset;
  });
  // Tables: rows, and the paragraph before each top-level table.
  const body = doc.indexOf('<w:body>');
  const head = doc.slice(0, body);
  let rest = doc.slice(body);
  const tbls = spans(rest, 'w:tbl');
  let out = '';
  let last = 0;
  for (const t of tbls) {
    let before = rest.slice(last, t.start);
    // The paragraph right before the table keeps with it; an empty one
    // (vertical space) passes that on to the paragraph before it.
    let end = before.length;
    for (;;) {
      const pEnd = before.lastIndexOf('</w:p>', end);
      if (pEnd < 0 || before.slice(pEnd + 6, end).trim() !== '') break;
      const pStart = Math.max(before.lastIndexOf('<w:p>', pEnd), before.lastIndexOf('<w:p ', pEnd));
      if (pStart < 0) break;
      const p = before.slice(pStart, pEnd + 6);
      before = before.slice(0, pStart) + withParagraphProp(p, 'keepNext') + before.slice(pEnd + 6);
      if (textLength(p) > 0) break;
      end = pStart;
    }
    out += before + layoutTable(rest.slice(t.start, t.end));
    last = t.end;
  }
  out += rest.slice(last);
  rest = out;
  doc = head + rest;
  return doc;
}
