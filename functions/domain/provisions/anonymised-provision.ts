// Policy §3(2): "The Company shall not provide anonymized processed information to any third party."
// The Act would let it, on publishing the items and the method of provision and telling the recipient
// the data is anonymously processed information (APPI Art. 43(4), 44); the company has promised not to,
// so the guard refuses every such provision and records nothing: there is nothing to record.
import { DeskProblem } from '../kernel/problems';

export const ANONYMISED_PROVISION_REFUSAL = {
  slug: 'anonymised-information-not-provided',
  citation: 'policy §3(2); APPI Art. 43(4), 44',
} as const;

export function refuseAnonymisedProvision(request: { recipient: string; anonymisedDataset: string }): never {
  throw new DeskProblem(
    'forbidden',
    'Anonymously processed information is not provided',
    `The company does not provide anonymously processed information to any third party (${ANONYMISED_PROVISION_REFUSAL.citation}): ${request.anonymisedDataset} may not go to "${request.recipient}". Nothing was provided or recorded.`,
    [
      {
        field: 'body.anonymisedDataset',
        message: 'is anonymously processed information, which the company never provides',
      },
    ],
    { slug: ANONYMISED_PROVISION_REFUSAL.slug, extensions: { citation: ANONYMISED_PROVISION_REFUSAL.citation } },
  );
}
