// Disclosure (APPI Art. 33): the dossier served through the e-mailed link and the staff print view,
// and the posting of a paper copy.

import * as z from 'zod';
import { DISCLOSURE_RECORDS } from '../../domain/kernel/law';
import { MY_NUMBER_AFFAIRS } from '../../domain/my-number/documents';
import { LANGUAGES } from '../../domain/requests/request';
import { instant, requestId } from './common';

export const disclosureParams = z.strictObject({
  token: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'is not a disclosure link token' }),
});
/** A link cannot set Accept, so the page's download links name the file they want. */
export const DOSSIER_DOWNLOAD_FORMATS = ['json', 'csv'] as const;
export const disclosureQuery = z.strictObject({
  format: z
    .enum(DOSSIER_DOWNLOAD_FORMATS)
    .optional()
    .describe(
      'Download the copy as a file, whatever Accept says: "json" (the dossier itself) or "csv" (for a spreadsheet, in the person\'s language). Without it, Accept chooses: JSON, a page for text/html, CSV for text/csv.',
    ),
});
const dossierConsent = z.object({
  action: z.string(),
  purpose: z.string().optional(),
  recipient: z.string().optional(),
  linkage: z.string().optional(),
  noticeVersion: z.string(),
  method: z.string(),
  at: z.string(),
  purposeDescription: z.string().optional().describe('The purpose as the registry described it when compiled.'),
  recipientName: z.string().optional().describe("The recipient's registered name when compiled."),
  actionLabel: z.string().optional().describe("The action in the dossier's language."),
  methodLabel: z.string().optional().describe("How the consent was given, in the dossier's language."),
  linkageLabel: z.string().optional().describe("What a linkage consent covers, in the dossier's language."),
});
const dossierProvisionRecord = z.object({
  direction: z.string(),
  counterparty: z.string(),
  recipient: z.string().optional(),
  provider: z.string().optional(),
  items: z.array(z.string()),
  basis: z.string(),
  date: z.string(),
  itemLabels: z.array(z.string()).optional().describe("The items in the dossier's language."),
  basisLabel: z.string().optional().describe("The basis in the dossier's language (APPI Art. 27, 31)."),
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
  consents: z.array(dossierConsent),
  provisionRecords: z.array(dossierProvisionRecord),
  nothingHeld: z.boolean(),
  generatedAt: instant,
  desk: z
    .object({ name: z.string(), email: z.string(), address: z.string().optional(), hours: z.string().optional() })
    .optional()
    .describe('The desk to contact about the disclosure (policy §7).'),
});

/** The dossier the link and the staff print view serve: only the parts the person asked for (APPI Art. 33(5)); on paper, Enforcement Rules Art. 30. */
export const dossierResponse = dossierBase
  .partial({ records: true, purposesOfUse: true, consents: true, provisionRecords: true })
  .extend({
    covers: z
      .array(z.enum(DISCLOSURE_RECORDS))
      .describe('The parts the person asked for; a part not asked for is left out.'),
    holderResults: z
      .array(
        z.object({
          holder: z.string().describe("The holder's registered name: the source of these records."),
          available: z.boolean().describe('False when its data could not be obtained; notAvailable says so.'),
          records: z.array(
            z.object({
              category: z.string(),
              categoryLabel: z.string().optional(),
              value: z.string(),
              linkedAccessInformation: z.boolean(),
              specialCare: z.boolean().describe('Special care-required information (APPI Art. 2(3)).'),
            }),
          ),
          receivedAt: instant,
          heading: z.string().optional().describe("The part's heading in the dossier's language, naming the holder."),
          notAvailable: z.string().optional(),
        }),
      )
      .optional()
      .describe(
        "The data the company's other systems and its subcontractors hold about the person, one part per holder.",
      ),
    incidents: z
      .array(
        z.object({
          incidentId: z.string(),
          kinds: z.array(z.string()),
          kindLabels: z.array(z.string()).describe("The kinds in the dossier's language."),
          awareAt: instant.describe('When the company became aware.'),
          notice: z
            .object({
              state: z.string(),
              sentAt: instant.optional(),
              alternativeMeasure: z.string().optional(),
            })
            .optional()
            .describe('The notice given to the person, or the measure taken where they could not be reached.'),
        }),
      )
      .optional()
      .describe("Leaks, losses or damage that involved the person's data (APPI Art. 26), when there were any."),
    myNumberDocuments: z
      .array(
        z.object({
          document: z.string(),
          name: z.string().describe("The document's name in the dossier's language."),
          affair: z.enum(MY_NUMBER_AFFAIRS),
          affairLabel: z.string().describe("The statutory affair (My Number Act Art. 9) in the dossier's language."),
          taxYear: z
            .number()
            .int()
            .optional()
            .describe('The tax year a tax document is for; its retention counts from it.'),
          completedOn: z
            .string()
            .optional()
            .describe(
              'YYYY-MM-DD: the day the procedure was completed, which a social-insurance document is kept from.',
            ),
          keptUntil: z.string().describe('YYYY-MM-DD (Japan): the last day it is kept; the number is erased after it.'),
        }),
      )
      .optional()
      .describe(
        "The documents bearing the person's Individual Number the desk holds, and until when (My Number Act Art. 20). Never the number itself.",
      ),
    myNumberNote: z
      .string()
      .optional()
      .describe("That a number itself is disclosed only in writing by post, in the dossier's language."),
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
