import { company } from '../adapters/company';
import { dynamoConsentLedger } from '../adapters/consent-ledger';
import { dynamoConsents } from '../adapters/consent-repository';
import { deskSettings } from '../adapters/desk-settings';
import { dynamoSubjectHoldings } from '../adapters/holdings-repository';
import { dynamoNoticeArchive } from '../adapters/notice-archive';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRecipients } from '../adapters/recipient-repository';
import { dynamoSessions } from '../adapters/session-repository';
import { dynamoSubjectAddresses } from '../adapters/subject-address-book';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { withdrawMyConsent } from '../domain/consents/self-service';
import { httpRoute } from '../http/route-handler';
import { withdrawMyConsent as route } from '../routes/consents';

const deps = {
  sessions: dynamoSessions,
  subjects: dynamoSubjectHoldings,
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

export const handler = httpRoute(route, async ({ params, bearer }) => ({
  body: await withdrawMyConsent(deps, bearer, params.consentId),
  headers: { 'cache-control': 'no-store' },
}));
