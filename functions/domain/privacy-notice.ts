// GET /v1/privacy-notice: what the policy promises to publish (APPI Art. 21, 32(1)): purposes of
// use, sources, third-party provision, anonymised-information publications, the desk and its hours.
import { DESK_CLOSES_AT_HOUR, DESK_CONTACT, DESK_OPENS_AT_HOUR, YEAR_END_HOLIDAYS } from './desk';
import { RESPONSE_TARGET_DESK_DAYS } from './law';
import { ACQUISITION_SOURCES } from './personal-data/sources';
import { POLICY_PURPOSES } from './purposes/registry';
import { REQUEST_TYPES } from './requests/request-types';

export const PRIVACY_NOTICE_VERSION = '2026-11-25';

export function privacyNotice() {
  return {
    version: PRIVACY_NOTICE_VERSION,
    business: 'Mecara LLC',
    purposesOfUse: POLICY_PURPOSES.map((p) => ({ id: p.purposeId, ja: p.ja, en: p.en })),
    acquisitionSources: ACQUISITION_SOURCES.map((s) => ({ id: s.id, ja: s.ja, en: s.en })),
    thirdPartyProvision: {
      // Policy §4: no provision without prior consent except the Act's exceptions.
      policy: 'Personal data is not provided to third parties without prior consent, except where the Act allows (APPI Art. 27(1)).',
      optOutItems: [],
    },
    anonymisedInformationPublications: [],
    requests: {
      accepted: REQUEST_TYPES.map((t) => t.type),
      howToRequest: 'POST /v1/requests; the desk e-mails a six-digit code to confirm the requester.',
      inPerson: false,
      fees: [],
      answerWithinDeskDays: RESPONSE_TARGET_DESK_DAYS,
    },
    desk: {
      ...DESK_CONTACT,
      hours: {
        timeZone: 'Asia/Tokyo',
        opens: `${String(DESK_OPENS_AT_HOUR).padStart(2, '0')}:00`,
        closes: `${DESK_CLOSES_AT_HOUR}:00`,
        closedOn: ['Saturday', 'Sunday', 'national holidays',
          `year-end and New Year holidays (${YEAR_END_HOLIDAYS.from.month}/${YEAR_END_HOLIDAYS.from.day}-${YEAR_END_HOLIDAYS.to.month}/${YEAR_END_HOLIDAYS.to.day})`],
      },
    },
  };
}

export type PrivacyNotice = ReturnType<typeof privacyNotice>;
