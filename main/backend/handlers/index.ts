/** All API handlers; the type guarantees every contract method has one. */
import type { MethodName } from '../../../core/api/contract';
import { adminHandlers } from './admin';
import { authHandlers } from './auth';
import { controlHandlers } from './control';
import { dataSafetyHandlers } from './data-safety';
import { exchangeHandlers } from './exchange';
import { processingHandlers } from './processing';
import { receptionHandlers } from './reception';
import { referenceHandlers } from './reference';
import { sessionHandlers } from './sessions';
import type { HandlerGroup } from './types';

export const handlers: HandlerGroup<MethodName> = {
  ...authHandlers,
  ...adminHandlers,
  ...referenceHandlers,
  ...receptionHandlers,
  ...processingHandlers,
  ...exchangeHandlers,
  ...controlHandlers,
  ...sessionHandlers,
  ...dataSafetyHandlers,
};
