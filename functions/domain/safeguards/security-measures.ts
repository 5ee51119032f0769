// The summary of the security measures taken that the notice states (Cabinet Order Art. 10(i); PPC
// General Guidelines 3-8-1 and 10), generated from what the desk enforces and how it is set: the
// training validity the gate counts with, the access log's retention, the password age, the staff IP
// allow list, and the country of the region the desk runs in.
import type { Company } from '../company';
import { SECURITY_MEASURE_KIND_WORDS, type SecurityMeasureKind, SECURITY_MEASURE_WORDS as W } from './measures-words';
import { DEFAULT_TRAINING_VALIDITY_MONTHS } from './training';

type Words = { ja: string; en: string };

/** The deployment's settings the summary states; each is the value the code enforces. */
export interface SecurityMeasureFacts {
  /** Access-log retention (DESK_ACCESS_LOG_RETENTION_DAYS, accessLogRetentionSeconds), in days. */
  accessLogRetentionDays: number;
  /** Days a staff password lasts (DESK_PASSWORD_MAX_AGE_DAYS, passwordMaxAgeDays). */
  passwordMaxAgeDays: number;
  /** Whether the staff routes answer allowed networks only (CDK context staffAllowedCidrs). */
  staffIpAllowList: boolean;
  /** The AWS region the desk runs in (AWS_REGION); unknown locally. */
  region: string | undefined;
}

/**
 * The country of an AWS region, for 外的環境の把握 (PPC General Guidelines 10-7). Only the regions
 * whose country is plain from the region are named; any other is stated as not named.
 */
const REGION_COUNTRIES: Record<string, Words> = {
  'ap-northeast-1': { ja: '日本', en: 'Japan' },
  'ap-northeast-3': { ja: '日本', en: 'Japan' },
  'ap-northeast-2': { ja: '大韓民国', en: 'the Republic of Korea' },
  'ap-southeast-1': { ja: 'シンガポール', en: 'Singapore' },
  'ap-southeast-2': { ja: 'オーストラリア', en: 'Australia' },
  'us-east-1': { ja: 'アメリカ合衆国', en: 'the United States' },
  'us-east-2': { ja: 'アメリカ合衆国', en: 'the United States' },
  'us-west-1': { ja: 'アメリカ合衆国', en: 'the United States' },
  'us-west-2': { ja: 'アメリカ合衆国', en: 'the United States' },
  'eu-west-1': { ja: 'アイルランド', en: 'Ireland' },
  'eu-central-1': { ja: 'ドイツ', en: 'Germany' },
};

export function storageCountry(region: string | undefined): Words | undefined {
  return region ? REGION_COUNTRIES[region] : undefined;
}

function externalEnvironment(region: string | undefined): Words {
  const country = storageCountry(region);
  if (!country) return W.externalUnknown;
  return country.en === 'Japan' ? W.externalJapan : W.externalForeign(country);
}

export interface SecurityMeasure {
  kind: SecurityMeasureKind;
  heading: Words;
  items: Words[];
}

export function securityMeasures(company: Company, facts: SecurityMeasureFacts): SecurityMeasure[] {
  const measures: Record<SecurityMeasureKind, Words[]> = {
    'basic-policy': [W.basicPolicy],
    rules: [W.rules],
    organisational: [W.organisationalOfficer(company.securityOfficer.name), W.organisationalAudit],
    human: [W.human(DEFAULT_TRAINING_VALIDITY_MONTHS)],
    physical: [W.physical],
    technical: [
      W.technicalAccess(facts.passwordMaxAgeDays),
      W.technicalLog(facts.accessLogRetentionDays),
      W.technicalFirewall,
      ...(facts.staffIpAllowList ? [W.technicalAllowList] : []),
    ],
    'external-environment': [externalEnvironment(facts.region)],
  };
  return (Object.keys(SECURITY_MEASURE_KIND_WORDS) as SecurityMeasureKind[]).map((kind) => ({
    kind,
    heading: SECURITY_MEASURE_KIND_WORDS[kind],
    items: measures[kind],
  }));
}
