// Every request type's schema and words, without what decides or fulfils it: the HTTP contract builds
// the submit and decision bodies from this list, so a route that does not decide bundles no fulfilment
// code. In the registry's order (registry.ts); test/domain/requests/types/registry.test.ts keeps the two alike.
import type { RequestTypeSchema } from '../request-type';
import { cessationOfProvisionSchema } from './cessation-of-provision/schema';
import { cessationOfUseSchema } from './cessation-of-use/schema';
import { complaintSchema } from './complaint/schema';
import { correctionSchema } from './correction/schema';
import { disclosureSchema } from './disclosure/schema';
import { purposeNotificationSchema } from './purpose-notification/schema';

export const REQUEST_TYPE_SCHEMAS: readonly RequestTypeSchema[] = [
  disclosureSchema,
  purposeNotificationSchema,
  correctionSchema,
  cessationOfUseSchema,
  cessationOfProvisionSchema,
  complaintSchema,
];
