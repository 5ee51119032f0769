import { dynamoAnonymisedPublications } from '../adapters/anonymisation-repository';
import { company } from '../adapters/company';
import { deskSettings } from '../adapters/desk-settings';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRecipients } from '../adapters/recipient-repository';
import { securityMeasureFacts } from '../adapters/security-facts';
import { privacyNotice } from '../domain/privacy-notice';
import { httpRoute } from '../http/route-handler';
import { getPrivacyNotice as route } from '../routes/notice';

const settings = deskSettings();
const business = company();
const facts = securityMeasureFacts();

export const handler = httpRoute(route, async () => {
  const [versions, recipients, anonymised] = await Promise.all([
    dynamoPurposeVersions.versions(),
    dynamoRecipients.list(),
    dynamoAnonymisedPublications.list(),
  ]);
  return {
    body: privacyNotice(versions, settings, recipients, business, facts, anonymised),
    headers: { 'cache-control': 'public, max-age=300' },
  };
});
