import { dynamoConsents } from '../adapters/consent-repository';
import { dynamoHolders } from '../adapters/holder-repository';
import { dynamoProvisionLedger } from '../adapters/provision-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRecipients } from '../adapters/recipient-repository';
import { dynamoSubjectLifecycles } from '../adapters/subject-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { permitProvision } from '../domain/provisions/permit-provision';
import { HttpProblem } from '../http/problem';
import { httpRoute } from '../http/route-handler';
import { permitProvision as route } from '../routes/provisions';

const deps = {
  recipients: dynamoRecipients,
  holders: dynamoHolders,
  purposes: dynamoPurposeVersions,
  lifecycles: dynamoSubjectLifecycles,
  consents: dynamoConsents,
  ledger: dynamoProvisionLedger,
  secrets: cryptoSecrets,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ body, actor }) => {
  const answer = await permitProvision(deps, actor, body);
  if (answer.permitted) {
    const { permitted: _permitted, ...provision } = answer;
    return { body: provision };
  }
  // All or nothing: one refused subject refuses the provision, and each refusal is named.
  throw new HttpProblem(
    403,
    'provision-refused',
    'Provision refused',
    `${answer.refusals.length} of ${body.subjects.length} subjects may not be provided to "${body.recipient}"; nothing was provided or recorded. Each refusal is listed in errors.`,
    answer.refusals.map((r) => ({
      field: `subjects.${body.subjects.indexOf(r.subjectId)}`,
      message: `${r.subjectId}: ${r.reason}: ${r.detail}`,
    })),
  );
});
