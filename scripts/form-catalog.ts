/**
 * Every printed form and variant with its sample data: what
 * `npm run forms:preview` renders and the render layer (tests/render) checks.
 */
import { buildReceipt } from '../main/forms/receipt';
import { buildJournal } from '../main/forms/journal';
import { buildApplication } from '../main/forms/application';
import { journalSample, receiptLongSample, receiptMfcSample, receiptSample } from './form-samples';
import { ACT_FORMS } from './form-samples-acts';
import { buildComplaintAnswer } from '../main/forms/complaint-answer';
import { DECISION_FORMS, complaintAnswerSample } from './form-samples-decision';
import { SCALE_FORMS } from './form-samples-scales';

export interface SampleForm {
  name: string;
  build: () => Promise<Buffer>;
}

export const FORMS: SampleForm[] = [
  { name: 'receipt', build: () => buildReceipt(receiptSample()) },
  { name: 'receipt-mfc', build: () => buildReceipt(receiptMfcSample()) },
  { name: 'receipt-long', build: () => buildReceipt(receiptLongSample()) },
  { name: 'application', build: () => buildApplication(receiptSample()) },
  { name: 'application-mfc', build: () => buildApplication(receiptMfcSample()) },
  { name: 'journal', build: () => buildJournal(journalSample()) },
  ...ACT_FORMS,
  ...SCALE_FORMS,
  ...DECISION_FORMS,
  { name: 'complaint-answer', build: () => buildComplaintAnswer(complaintAnswerSample()) },
];
