import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { dynamoConsentLedger } from '../adapters/consent-ledger';
import { dynamoConsents } from '../adapters/consent-repository';
import { deskSettings } from '../adapters/desk-settings';
import { dynamoNoticeArchive } from '../adapters/notice-archive';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRecipients } from '../adapters/recipient-repository';
import { dynamoSubjectAddresses } from '../adapters/subject-address-book';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { recordConsentByStaff } from '../domain/consents/record-consent-by-staff';
import { httpRoute } from '../http/route-handler';
import { recordConsentByStaff as route } from '../routes/consents';

const deps = {
  consents: dynamoConsents,
  purposes: dynamoPurposeVersions,
  notices: dynamoNoticeArchive,
  addresses: dynamoSubjectAddresses,
  recipients: dynamoRecipients,
  ledger: dynamoConsentLedger,
  accessLog: dynamoAccessLog,
  secrets: cryptoSecrets,
  clock: systemClock,
  company: company(),
  settings: deskSettings(),
};

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await recordConsentByStaff(deps, actor, { ...body, subjectId: params.subjectId }),
}));
