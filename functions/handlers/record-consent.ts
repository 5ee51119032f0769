import { company } from '../adapters/company';
import { dynamoConsentLedger } from '../adapters/consent-ledger';
import { dynamoConsents } from '../adapters/consent-repository';
import { deskSettings } from '../adapters/desk-settings';
import { dynamoNoticeArchive } from '../adapters/notice-archive';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRecipients } from '../adapters/recipient-repository';
import { dynamoSubjectAddresses } from '../adapters/subject-address-book';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { recordConsent } from '../domain/consents/record-consent';
import { httpRoute } from '../http/route-handler';
import { recordConsent as route } from '../routes/consents';

const deps = {
  consents: dynamoConsents,
  purposes: dynamoPurposeVersions,
  notices: dynamoNoticeArchive,
  addresses: dynamoSubjectAddresses,
  recipients: dynamoRecipients,
  ledger: dynamoConsentLedger,
  secrets: cryptoSecrets,
  clock: systemClock,
  company: company(),
  settings: deskSettings(),
};

export const handler = httpRoute(route, async ({ body, actor }) => ({
  body: await recordConsent(deps, { kind: 'system', id: actor.principal }, body),
}));
