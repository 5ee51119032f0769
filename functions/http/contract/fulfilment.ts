// The contract of the fulfilment routes: a holder's OpenDSR status callback (OpenDSR §8.6), as the
// codec bounds it.
import * as z from 'zod';
import { callbackSchema } from '../../domain/fulfilment/opendsr-codec';

export const opendsrCallbackBody = callbackSchema.describe(
  'An OpenDSR status callback (§8.6): the status of a request the desk sent to this processor. Signed: X-OpenDSR-Signature over the raw body, X-OpenDSR-Processor-Domain naming the processor.',
);

export const opendsrCallbackResponse = z.object({
  subject_request_id: z.string(),
  changed: z.boolean().describe('Whether the callback moved the task; a replayed or stale one changes nothing.'),
});
