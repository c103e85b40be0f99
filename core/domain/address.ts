/**
 * A postal address in parts, as the ИППСУ (приказ Минтруда России N 874н,
 * Приложение 2, item 4) asks for it: индекс, город (район), село, улица, дом,
 * корпус, квартира. Every other form prints it as one line,
 * «628011, г. Ханты-Мансийск, ул. Мира, д. 18, кв. 3»; the forms layout puts
 * the no-break spaces after «г.», «ул.», «д.», «кв.».
 *
 * A part is kept as typed, trimmed. The one-line text adds what a bare value
 * lacks: «ул.» before a street given by its name alone, «д.», «корп.», «кв.»
 * before the numbers. The district / city and the settlement carry their own
 * kind («г. Сургут», «Сургутский р-н», «с. Селиярово», «пгт Излучинск»): a
 * bare name is printed as typed, since «Советский» is a town in Югра and a
 * district elsewhere.
 *
 * Pure functions, no I/O.
 */

export interface AddressParts {
  /** Почтовый индекс, 6 digits. */
  index?: string;
  /** Город (район): «г. Ханты-Мансийск», «Кондинский р-н». */
  district?: string;
  /** Населённый пункт (село, посёлок, деревня) within the district. */
  settlement?: string;
  street?: string;
  house?: string;
  /** Корпус. */
  building?: string;
  /** Квартира. */
  flat?: string;
}

export type AddressPart = keyof AddressParts;

/** The parts in the order of 874н item 4 and of the one-line address. */
export const ADDRESS_PARTS = ['index', 'district', 'settlement', 'street', 'house', 'building', 'flat'] as const satisfies readonly AddressPart[];

/** Labels of the input fields. */
export const ADDRESS_PART_LABELS: Record<AddressPart, string> = {
  index: 'Индекс',
  district: 'Район / город',
  settlement: 'Населённый пункт',
  street: 'Улица',
  house: 'Дом',
  building: 'Корпус',
  flat: 'Квартира',
};

/** The sub-fields of 874н item 4 (адрес места жительства), in its words and order. */
export const RESIDENCE_SUBFIELDS: readonly { part: AddressPart; label: string }[] = [
  { part: 'index', label: 'индекс' },
  { part: 'district', label: 'город (район)' },
  { part: 'settlement', label: 'село' },
  { part: 'street', label: 'улица' },
  { part: 'house', label: 'дом' },
  { part: 'building', label: 'корпус' },
  { part: 'flat', label: 'квартира' },
];

/** The sub-fields of 874н item 5 (адрес места работы). */
export const WORK_SUBFIELDS: readonly { part: AddressPart; label: string }[] = RESIDENCE_SUBFIELDS.filter((f) =>
  (['index', 'district', 'street', 'house'] as AddressPart[]).includes(f.part),
);

export const POSTCODE_RE = /^\d{6}$/;

/** The parts trimmed, empty ones left out; null when nothing is left. */
export function cleanAddress(p: AddressParts | null | undefined): AddressParts | null {
  if (!p) return null;
  const out: AddressParts = {};
  for (const k of ADDRESS_PARTS) {
    const v = p[k];
    if (typeof v === 'string' && v.trim()) out[k] = v.trim().replace(/\s+/g, ' ');
  }
  return Object.keys(out).length ? out : null;
}

/** Whether two addresses have the same parts (empty ones ignored). */
export function sameAddress(a: AddressParts | null | undefined, b: AddressParts | null | undefined): boolean {
  const x = cleanAddress(a);
  const y = cleanAddress(b);
  return ADDRESS_PARTS.every((k) => (x?.[k] ?? '') === (y?.[k] ?? ''));
}

/** Kinds of street written with its name: «пр-т Мира», «мкр. 7», «Ленина пер.». */
const STREET_KINDS = new Set([
  'ул', 'улица', 'пр', 'пр-т', 'просп', 'проспект', 'пер', 'переулок', 'мкр', 'мкрн', 'микрорайон', 'б-р', 'бул', 'бульвар',
  'ш', 'шоссе', 'пл', 'площадь', 'наб', 'набережная', 'проезд', 'пр-д', 'тракт', 'туп', 'тупик', 'аллея', 'кв-л', 'квартал',
  'линия', 'тер', 'территория', 'снт', 'днт', 'проулок', 'промзона', 'зона', 'сквер', 'въезд', 'спуск', 'дорога', 'парк',
]);

/** The street with «ул.» when it is given by its name alone. */
function streetText(street: string): string {
  const words = street.toLowerCase().split(/[\s.,]+/).filter(Boolean);
  return words.length > 1 && words.some((w) => STREET_KINDS.has(w)) ? street : `ул. ${street}`;
}

/** A number part without the word typed before it («д. 18», «дом 18» → «18»). */
const NUMBER_WORDS: Record<'house' | 'building' | 'flat', { own: RegExp; abbr: string; other: RegExp }> = {
  house: { own: /^(?:дом|д)(?:\.|\s|(?=\d))\s*/i, abbr: 'д.', other: /^(?:влад\.?|вл\.?|владение|участок|уч\.?|з\/у)(?=[\s.\d]|$)/i },
  building: { own: /^(?:корпус|корп|к)(?:\.|\s|(?=\d))\s*/i, abbr: 'корп.', other: /^(?:стр\.?|строение|соор\.?|сооружение|лит\.?|литера)(?=[\s.\d]|$)/i },
  flat: { own: /^(?:квартира|кв)(?:\.|\s|(?=\d))\s*/i, abbr: 'кв.', other: /^(?:ком\.?|комн\.?|комната|пом\.?|помещение|офис|оф\.)(?=[\s.\d]|$)/i },
};

/** The value of a number part as 874н's sub-field takes it: without its «д.» / «корп.» / «кв.». */
function bareNumber(kind: 'house' | 'building' | 'flat', v: string): string {
  return v.trim().replace(NUMBER_WORDS[kind].own, '');
}

function numberText(kind: 'house' | 'building' | 'flat', v: string): string {
  const w = NUMBER_WORDS[kind];
  if (w.other.test(v)) return v;
  return `${w.abbr} ${bareNumber(kind, v)}`;
}

/** The one-line address: «628011, г. Ханты-Мансийск, ул. Мира, д. 18, корп. 2, кв. 3». */
export function formatAddress(parts: AddressParts | null | undefined): string {
  const p = cleanAddress(parts);
  if (!p) return '';
  return [
    p.index,
    p.district,
    p.settlement,
    p.street && streetText(p.street),
    p.house && numberText('house', p.house),
    p.building && numberText('building', p.building),
    p.flat && numberText('flat', p.flat),
  ]
    .filter(Boolean)
    .join(', ');
}

/** The value of each 874н sub-field (empty string where the part is not given). */
export function subfieldValue(p: AddressParts | null | undefined, part: AddressPart): string {
  const v = cleanAddress(p)?.[part] ?? '';
  return v && (part === 'house' || part === 'building' || part === 'flat') ? bareNumber(part, v) : v;
}
