// Disclosure (APPI Art. 33): the dossier served through the e-mailed link and the staff print view,
// and the posting of a paper copy.
import * as z from 'zod';
import { DISCLOSURE_RECORDS } from '../../domain/kernel/law';
import { LANGUAGES } from '../../domain/requests/request';
import { instant, requestId } from './common';

export const disclosureParams = z.strictObject({
  token: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a disclosure link token' }),
});
const dossierBase = z.object({
  requestId,
  language: z.enum(LANGUAGES),
  subject: z.object({ email: z.string(), name: z.string().optional() }),
  records: z.array(
    z.object({
      category: z.string(),
      categoryLabel: z
        .string()
        .optional()
        .describe(
          "The category's name in the dossier's language; copies compiled before it was added have only the id.",
        ),
      value: z.string(),
      source: z.object({ kind: z.string(), description: z.string(), detail: z.string().optional() }),
      purposes: z
        .array(z.object({ id: z.string(), description: z.string() }))
        .describe('The purposes this record is used for.'),
      acquiredAt: z.string(),
      linkedAccessInformation: z
        .boolean()
        .describe(
          'Access information (cookies, web beacons, advertising identifiers) held linked to the person (policy §1).',
        ),
      specialCare: z.boolean().describe('Special care-required information (APPI Art. 2(3)).'),
    }),
  ),
  purposesOfUse: z.array(z.object({ id: z.string(), description: z.string() })),
  consents: z.array(z.record(z.string(), z.unknown())),
  provisionRecords: z.array(z.record(z.string(), z.unknown())),
  nothingHeld: z.boolean(),
  generatedAt: instant,
});

/** The dossier the link and the staff print view serve: only the parts the person asked for (APPI Art. 33(5)); on paper, Enforcement Rules Art. 30. */
export const dossierResponse = dossierBase
  .partial({ records: true, purposesOfUse: true, consents: true, provisionRecords: true })
  .extend({
    covers: z
      .array(z.enum(DISCLOSURE_RECORDS))
      .describe('The parts the person asked for; a part not asked for is left out.'),
    provisionRecordsLabel: z.string().optional().describe('Third-party provision records (APPI Art. 33(5)).'),
    withheld: z
      .object({
        categories: z.array(z.object({ id: z.string(), label: z.string() })),
        grounds: z.array(z.object({ id: z.string(), label: z.string() })),
        reason: z.string(),
      })
      .optional()
      .describe('What a partial decision withheld, on which grounds and why (APPI Art. 33(3), 36).'),
  });
export const postingBody = z
  .strictObject({
    postedOn: z.iso
      .date()
      .optional()
      .describe('The Japan date the copy was posted, YYYY-MM-DD; today (Japan time) by default.'),
    trackingNumber: z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(64)
      .optional()
      .describe("The postal service's tracking number, if the copy was sent by a tracked service."),
  })
  .optional();
export const postingResponse = z.object({ requestId, postedOn: z.iso.date(), trackingNumber: z.string().optional() });
