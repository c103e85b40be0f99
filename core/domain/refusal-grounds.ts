/**
 * Grounds for refusing the state service (регламент, п. 31, as amended by
 * the order of 12.05.2016 N 9-нп). The texts are verbatim from the
 * regulation (without the trailing «;» / «.» of the list), so the refusal
 * notice quotes them word for word. Codes are stable: they are stored in
 * decisions, never renamed.
 *
 * The list is exhaustive (п. 31 and п. 46: the decision is made on the
 * presence or absence of these grounds); there are no grounds for
 * suspending the service (п. 30).
 */

export interface RefusalGround {
  code: string;
  text: string;
  paragraph: 'п. 31';
}

export const REFUSAL_GROUNDS = [
  {
    code: 'art15-mismatch',
    text:
      'несоответствие заявителя требованиям, установленным статьей 15 Федерального закона от 28 декабря 2013 года ' +
      'N 442-ФЗ "Об основах социального обслуживания граждан в Российской Федерации"',
    paragraph: 'п. 31',
  },
  {
    code: 'documents-incomplete',
    text:
      'не представлены документы (или представлены не в полном объеме), необходимые в соответствии с ' +
      'законодательством и настоящим Административным регламентом для представления государственной услуги',
    paragraph: 'п. 31',
  },
  {
    code: 'medical-exam-refused',
    text:
      'отказ заявителя от проведения медицинских обследований (на наличие инфекционных заболеваний) или ' +
      'санитарной обработки (при необходимости)',
    paragraph: 'п. 31',
  },
  {
    code: 'medical-contraindications',
    text:
      'отсутствие показаний и наличие заболеваний, включенных в перечень медицинских противопоказаний, в связи с ' +
      'наличием которых гражданину может быть отказано в предоставлении социальных услуг в стационарной форме',
    paragraph: 'п. 31',
  },
] as const satisfies readonly RefusalGround[];

export type RefusalGroundCode = (typeof REFUSAL_GROUNDS)[number]['code'];

export const REFUSAL_GROUND_CODES = REFUSAL_GROUNDS.map((g) => g.code) as [RefusalGroundCode, ...RefusalGroundCode[]];

/** The ground with this code, or undefined. */
export function refusalGround(code: string): RefusalGround | undefined {
  return REFUSAL_GROUNDS.find((g) => g.code === code);
}
