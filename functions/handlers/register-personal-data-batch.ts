import { dynamoConsents } from '../adapters/consent-repository';
import { fiscalYear } from '../adapters/desk-settings';
import { secretIdentifierMac } from '../adapters/identifier-mac';
import { dynamoPersonalData } from '../adapters/personal-data-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoSubjectLifecycles } from '../adapters/subject-repository';
import { dynamoSuppressions } from '../adapters/suppression-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import {
  type BatchEntry,
  type BatchEntryResult,
  registerPersonalDataBatch,
} from '../domain/personal-data/register-personal-data-batch';
import { registrationBatchEntry } from '../http/contract/personal-data';
import { validationProblem } from '../http/problem';
import { httpRoute } from '../http/route-handler';
import { registerPersonalDataBatch as route } from '../routes/personal-data';

const deps = {
  purposes: dynamoPurposeVersions,
  lifecycles: dynamoSubjectLifecycles,
  consents: dynamoConsents,
  records: dynamoPersonalData,
  secrets: cryptoSecrets,
  suppressions: dynamoSuppressions,
  identifierMac: secretIdentifierMac,
  clock: systemClock,
  fiscalYear: fiscalYear(),
};

export const handler = httpRoute(route, async ({ body, actor }) => {
  // Each entry is validated on its own: a malformed one is refused in the answer, the others go on.
  const refused = new Map<number, BatchEntryResult>();
  const valid: BatchEntry[] = [];
  body.entries.forEach((raw, index) => {
    const parsed = registrationBatchEntry.safeParse(raw, { reportInput: true });
    if (parsed.success) valid.push({ index, subjectId: parsed.data.subjectId, record: parsed.data.record });
    else
      refused.set(index, {
        status: 'refused',
        ...(typeof (raw as { subjectId?: unknown })?.subjectId === 'string'
          ? { subjectId: (raw as { subjectId: string }).subjectId }
          : {}),
        reason: 'The entry is not valid',
        errors: [...validationProblem('body', parsed.error).errors!].map(({ field, message }) => ({
          field: field.replace(/^body\./, `body.entries.${index}.`),
          message,
        })),
      });
  });
  const answered = valid.length > 0 ? await registerPersonalDataBatch(deps, actor, valid) : new Map();
  const entries = body.entries.map((_, i) => (refused.get(i) ?? answered.get(i))!);
  const count = (status: BatchEntryResult['status']) => entries.filter((e) => e.status === status).length;
  return {
    status: 200,
    body: { registered: count('registered'), refused: count('refused'), suppressed: count('suppressed'), entries },
  };
});
