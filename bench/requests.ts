// One realistic first request per function, with the answer it should get. Unknown ids are fine:
// the function still loads everything and makes its DynamoDB calls before it answers 404.
// Typed against the manifests, so a new route or worker without a request here does not compile.
import { randomBytes } from 'node:crypto';
import { type RouteName, routeNamed } from '../functions/routes';
import type { WORKERS } from '../functions/workers';
import { type ApiEventInput, buildApiEvent } from '../local/api-event';
import { DEMO_CUSTOMER, DEMO_PAYMENTS_RECIPIENT } from '../local/seed';

type WorkerName = (typeof WORKERS)[number]['name'];

export interface BenchRequest {
  event: () => unknown;
  /** The HTTP status, or "ok" for a worker. */
  expect: string;
}

/** The issuer bench/run.ts hands the functions as DESK_STAFF_TOKEN_ISSUER. */
export const BENCH_TOKEN_ISSUER = 'https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_bench';
const OPERATOR_CLAIMS = {
  'cognito:username': 'operator',
  'cognito:groups': 'operator',
  iss: BENCH_TOKEN_ISSUER,
  token_use: 'id',
};
const OFFICER_CLAIMS = {
  'cognito:username': 'officer',
  'cognito:groups': 'officer',
  iss: BENCH_TOKEN_ISSUER,
  token_use: 'id',
};
const AUDITOR_CLAIMS = {
  'cognito:username': 'auditor',
  'cognito:groups': 'auditor',
  iss: BENCH_TOKEN_ISSUER,
  token_use: 'id',
};
const BUSINESS_SYSTEM = 'arn:aws:iam::000000000000:role/appi-desk-business-systems';
const PAYROLL = 'arn:aws:iam::000000000000:role/appi-desk-payroll';
const UNKNOWN_PURPOSE = 'bench-unknown-purpose';
const BENCH_RECORD = {
  category: 'service-usage',
  value: 'Plan page viewed',
  source: 'service-use',
  purposes: ['usage-analysis'],
  acquiredAt: '2026-11-01T00:00:00.000Z',
};
const UNKNOWN_ID = 'bench-unknown-request';
const UNKNOWN_STAFF = 'bench-unknown-staff';
const UNKNOWN_LINK_TOKEN = randomBytes(32).toString('base64url');
const json = { 'content-type': 'application/json' };

/** An audit id no bench run plans: the audit routes answer 404 and change nothing. */
const BENCH_AUDIT = 'AUD-2000-01-01-BENCH0';
const auditCall = (
  name: RouteName,
  claims: Record<string, string>,
  rest: { body?: unknown; findingId?: string } = {},
) => ({
  event: api(name, {
    pathParameters: { auditId: BENCH_AUDIT, ...(rest.findingId ? { findingId: rest.findingId } : {}) },
    ...(rest.body !== undefined ? { headers: json, body: JSON.stringify(rest.body) } : {}),
    claims,
  }),
  expect: '404',
});

/** An incident id no bench run registers: the write routes answer 404 and change nothing. */
const BENCH_INCIDENT = 'INC-2000-01-01-BENCH0';
/** An anonymised dataset id no run takes: no run is ever started on 2000-01-01. */
const BENCH_DATASET = 'ANON-2000-01-01-BENCH0';
const BENCH_INCIDENT_FACTORS = {
  specialCareRequired: false,
  financialLoss: false,
  wrongfulPurpose: false,
  individualNumbers: false,
  publiclyViewable: false,
  advancedEncryption: false,
};

/** The route's event: method and path from the manifest, the path's parameters filled in. */
function api(name: RouteName, input: Omit<ApiEventInput, 'method' | 'resource' | 'path'>): () => unknown {
  const route = routeNamed(name);
  const path = route.path.replace(/\{(\w+)\}/g, (_, key: string) => input.pathParameters?.[key] ?? '');
  return () => buildApiEvent({ ...input, method: route.method, resource: route.path, path });
}

export const ROUTE_REQUESTS = {
  'submit-request': {
    event: api('submit-request', {
      headers: json,
      body: JSON.stringify({
        type: 'disclosure',
        requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
        subject: { email: DEMO_CUSTOMER.email },
        language: 'ja',
      }),
    }),
    expect: '202',
  },
  'verify-request': {
    event: api('verify-request', {
      pathParameters: { requestId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ code: '123456' }),
    }),
    expect: '404',
  },
  'resend-verification-code': {
    event: api('resend-verification-code', { pathParameters: { requestId: UNKNOWN_ID } }),
    expect: '404',
  },
  'get-request-status': {
    event: api('get-request-status', {
      pathParameters: { requestId: UNKNOWN_ID },
      headers: { authorization: `Bearer ${randomBytes(32).toString('base64url')}` },
    }),
    expect: '404',
  },
  'list-requests': {
    event: api('list-requests', { claims: OPERATOR_CLAIMS }),
    expect: '200',
  },
  'list-assignees': { event: api('list-assignees', { claims: OPERATOR_CLAIMS }), expect: '200' },
  'view-request': {
    event: api('view-request', {
      pathParameters: { requestId: UNKNOWN_ID },
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'decide-request': {
    event: api('decide-request', {
      pathParameters: { requestId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ outcome: 'fulfilled' }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'preview-decision': {
    event: api('preview-decision', {
      pathParameters: { requestId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ outcome: 'fulfilled' }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'list-request-records': {
    event: api('list-request-records', {
      pathParameters: { requestId: UNKNOWN_ID },
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'withdraw-request': {
    event: api('withdraw-request', {
      pathParameters: { requestId: UNKNOWN_ID },
      headers: { authorization: `Bearer ${randomBytes(32).toString('base64url')}` },
    }),
    expect: '404',
  },
  'assign-request': {
    event: api('assign-request', {
      pathParameters: { requestId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ assignee: 'operator' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'add-request-note': {
    event: api('add-request-note', {
      pathParameters: { requestId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ text: 'Called the requester to confirm the scope.' }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'answer-with-what-is-known': {
    event: api('answer-with-what-is-known', {
      pathParameters: { requestId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({}),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '409',
  },
  'close-fulfilment-task': {
    event: api('close-fulfilment-task', {
      pathParameters: { taskId: '00000000-0000-4000-8000-000000000000' },
      headers: json,
      body: JSON.stringify({ note: 'Erased in the CRM by hand.' }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'verify-representative': {
    event: api('verify-representative', {
      pathParameters: { requestId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ authorityDocument: 'power-of-attorney', identityDocument: 'driving-licence' }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'get-paper-disclosure': {
    event: api('get-paper-disclosure', {
      pathParameters: { requestId: UNKNOWN_ID },
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'record-posting': {
    event: api('record-posting', {
      pathParameters: { requestId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ trackingNumber: 'BENCH-0001' }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'lift-provision-cessation': {
    event: api('lift-provision-cessation', {
      pathParameters: { subjectId: 'bench-subject' },
      headers: json,
      body: JSON.stringify({ recipients: { scope: 'all' }, reason: 'Bench: nothing stands, so nothing is lifted.' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '409',
  },
  'get-disclosure': {
    event: api('get-disclosure', {
      pathParameters: { token: UNKNOWN_LINK_TOKEN },
    }),
    expect: '404',
  },
  'register-personal-data': {
    event: api('register-personal-data', {
      headers: json,
      body: JSON.stringify({ subjectId: 'bench-subject', records: [BENCH_RECORD] }),
      principal: BUSINESS_SYSTEM,
    }),
    expect: '201',
  },
  'register-personal-data-batch': {
    event: api('register-personal-data-batch', {
      headers: json,
      body: JSON.stringify({ entries: [{ subjectId: 'bench-subject', record: BENCH_RECORD }] }),
      principal: BUSINESS_SYSTEM,
    }),
    expect: '200',
  },
  'register-personal-data-by-staff': {
    event: api('register-personal-data-by-staff', {
      pathParameters: { subjectId: 'bench-subject' },
      headers: json,
      body: JSON.stringify({ records: [BENCH_RECORD] }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '201',
  },
  'record-subject-event': {
    event: api('record-subject-event', {
      pathParameters: { subjectId: 'bench-subject' },
      headers: json,
      body: JSON.stringify({ event: 'activity', at: '2026-11-02T00:00:00.000Z' }),
      principal: BUSINESS_SYSTEM,
    }),
    expect: '200',
  },
  'check-use': {
    event: api('check-use', {
      headers: json,
      body: JSON.stringify({ subjectId: DEMO_CUSTOMER.subjectId, category: 'email', purpose: 'service-provision' }),
      principal: BUSINESS_SYSTEM,
    }),
    expect: '200',
  },
  'record-consent': {
    event: api('record-consent', {
      headers: json,
      body: JSON.stringify({
        subjectId: DEMO_CUSTOMER.subjectId,
        action: 'given',
        purpose: UNKNOWN_PURPOSE,
        noticeVersion: '2026-11-25',
      }),
      principal: BUSINESS_SYSTEM,
    }),
    expect: '422',
  },
  'record-consent-by-staff': {
    event: api('record-consent-by-staff', {
      pathParameters: { subjectId: DEMO_CUSTOMER.subjectId },
      headers: json,
      body: JSON.stringify({
        action: 'given',
        purpose: UNKNOWN_PURPOSE,
        noticeVersion: '2026-11-25',
        method: 'written',
      }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '422',
  },
  'start-subject-session': {
    event: api('start-subject-session', {
      headers: json,
      body: JSON.stringify({ email: DEMO_CUSTOMER.email }),
    }),
    expect: '202',
  },
  'verify-subject-session': {
    event: api('verify-subject-session', {
      pathParameters: { sessionId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ code: '123456' }),
    }),
    expect: '404',
  },
  'list-my-consents': {
    event: api('list-my-consents', {
      headers: { authorization: `Bearer ${UNKNOWN_LINK_TOKEN}` },
    }),
    expect: '404',
  },
  'withdraw-my-consent': {
    event: api('withdraw-my-consent', {
      pathParameters: { consentId: 'bench-unknown-consent' },
      headers: { authorization: `Bearer ${UNKNOWN_LINK_TOKEN}` },
    }),
    expect: '404',
  },
  'view-subject': {
    event: api('view-subject', {
      pathParameters: { subjectId: DEMO_CUSTOMER.subjectId },
      query: { purpose: 'service-provision' },
      claims: OPERATOR_CLAIMS,
    }),
    expect: '200',
  },
  'search-subjects': {
    event: api('search-subjects', {
      query: { email: DEMO_CUSTOMER.email, purpose: 'service-provision' },
      claims: OPERATOR_CLAIMS,
    }),
    expect: '200',
  },
  'list-purposes': { event: api('list-purposes', { claims: OPERATOR_CLAIMS }), expect: '200' },
  'create-purpose': {
    event: () =>
      api('create-purpose', {
        headers: json,
        body: JSON.stringify({
          purposeId: `bench-${randomBytes(6).toString('hex')}`,
          ja: 'ベンチマークのため',
          en: 'For the benchmark',
          basis: 'notice',
          achievement: { after: 'acquisition', days: 30 },
          note: 'Created by npm run bench',
        }),
        claims: OFFICER_CLAIMS,
      })(),
    expect: '201',
  },
  'change-purpose': {
    event: api('change-purpose', {
      pathParameters: { purposeId: UNKNOWN_PURPOSE },
      headers: json,
      body: JSON.stringify({ ja: '変更', en: 'Changed', relatedScope: 'Benchmark of an unknown purpose' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'retire-purpose': {
    event: api('retire-purpose', {
      pathParameters: { purposeId: UNKNOWN_PURPOSE },
      headers: json,
      body: JSON.stringify({ reason: 'business-ended', note: 'Benchmark of an unknown purpose' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'register-my-number': {
    event: api('register-my-number', {
      headers: json,
      body: JSON.stringify({
        subjectId: 'bench-employee',
        affair: 'tax',
        document: 'dependant-deduction-declaration',
        documentDate: '2026-01-05',
        taxYear: 2026,
        number: '123456789018',
      }),
      principal: PAYROLL,
    }),
    expect: '201',
  },
  'get-my-number': {
    event: api('get-my-number', {
      pathParameters: { subjectId: 'bench-employee' },
      query: { affair: 'tax' },
      principal: PAYROLL,
    }),
    expect: '200',
  },
  'view-my-number': {
    event: api('view-my-number', {
      pathParameters: { subjectId: 'bench-employee' },
      query: { affair: 'tax' },
      claims: OFFICER_CLAIMS,
    }),
    expect: '200',
  },
  'get-request-report': { event: api('get-request-report', { claims: OFFICER_CLAIMS }), expect: '200' },
  'list-access-log': { event: api('list-access-log', { claims: OFFICER_CLAIMS }), expect: '200' },
  // Reads every chain and lists the digest bucket, so it reaches DynamoDB and S3 even when all is well.
  'verify-access-log': { event: api('verify-access-log', { claims: OFFICER_CLAIMS }), expect: '200' },
  'open-incident-from-alert': {
    event: api('open-incident-from-alert', {
      pathParameters: { alertId: 'alert-20260105T01Z' },
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'list-access-alerts': { event: api('list-access-alerts', { claims: OFFICER_CLAIMS }), expect: '200' },
  'get-incident-timeline': {
    event: api('get-incident-timeline', {
      pathParameters: { incidentId: 'INC-2026-01-05-BENCH0' },
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'register-recipient': {
    event: () =>
      api('register-recipient', {
        headers: json,
        body: JSON.stringify({
          recipientId: `bench-${randomBytes(6).toString('hex')}`,
          name: 'Bench Logistics K.K.',
          address: '1-1 Chiyoda, Tokyo',
          representative: 'Representative Director',
          // A business transfer (Art. 27(5)(ii)): outsourcing would need a processor in the holder registry.
          relationship: 'merger',
          country: 'JP',
        }),
        claims: OFFICER_CLAIMS,
      })(),
    expect: '201',
  },
  'list-recipients': { event: api('list-recipients', { claims: OFFICER_CLAIMS }), expect: '200' },
  'list-holders': { event: api('list-holders', { claims: OFFICER_CLAIMS }), expect: '200' },
  // Refused before any holder is fetched: the URL is not https, so it reaches DynamoDB for the purposes only.
  'register-holder': {
    event: api('register-holder', {
      headers: json,
      body: JSON.stringify({
        holderId: 'bench-holder',
        kind: 'internal-system',
        name: 'Bench CRM',
        owner: 'Bench',
        categories: ['name'],
        purposes: [UNKNOWN_PURPOSE],
        baseUrl: 'http://bench.invalid/v2',
      }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '422',
  },
  'view-holder': {
    event: api('view-holder', { pathParameters: { holderId: 'bench-unknown-holder' }, claims: OFFICER_CLAIMS }),
    expect: '404',
  },
  'change-holder': {
    event: api('change-holder', {
      pathParameters: { holderId: 'bench-unknown-holder' },
      headers: json,
      body: JSON.stringify({
        name: 'Bench CRM',
        owner: 'Bench',
        categories: ['name'],
        purposes: [UNKNOWN_PURPOSE],
        baseUrl: 'https://bench.invalid/v2',
        version: 1,
        reason: 'Benchmark',
      }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'retire-holder': {
    event: api('retire-holder', {
      pathParameters: { holderId: 'bench-unknown-holder' },
      headers: json,
      body: JSON.stringify({ version: 1, reason: 'Benchmark' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'record-holder-review': {
    event: api('record-holder-review', {
      pathParameters: { holderId: 'bench-unknown-holder' },
      headers: json,
      body: JSON.stringify({ reviewedOn: '2026-01-05', findings: 'Benchmark', outcome: 'adequate' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'list-incidents': { event: api('list-incidents', { claims: OFFICER_CLAIMS }), expect: '200' },
  // Refused before anything is written: awareness in the future (422), so the bench leaves no incident.
  'open-incident': {
    event: api('open-incident', {
      headers: json,
      body: JSON.stringify({
        kinds: ['leak'],
        awareAt: '2999-01-01T00:00:00.000Z',
        awareHow: 'Benchmark',
        summary: 'Benchmark',
        factors: BENCH_INCIDENT_FACTORS,
      }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '422',
  },
  'view-incident': {
    event: api('view-incident', { pathParameters: { incidentId: BENCH_INCIDENT }, claims: OFFICER_CLAIMS }),
    expect: '404',
  },
  'register-incident': {
    event: api('register-incident', {
      pathParameters: { incidentId: BENCH_INCIDENT },
      headers: json,
      body: JSON.stringify({ version: 1 }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'change-incident': {
    event: api('change-incident', {
      pathParameters: { incidentId: BENCH_INCIDENT },
      headers: json,
      body: JSON.stringify({
        kinds: ['leak'],
        awareAt: '2026-01-05T00:00:00.000Z',
        awareHow: 'Benchmark',
        summary: 'Benchmark',
        factors: BENCH_INCIDENT_FACTORS,
        version: 1,
        reason: 'Benchmark',
      }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'link-incident-subjects': {
    event: api('link-incident-subjects', {
      pathParameters: { incidentId: BENCH_INCIDENT },
      headers: json,
      body: JSON.stringify({ version: 1, subjectIds: [DEMO_CUSTOMER.subjectId] }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'override-reportability': {
    event: api('override-reportability', {
      pathParameters: { incidentId: BENCH_INCIDENT },
      headers: json,
      body: JSON.stringify({ version: 1, reportable: true, reason: 'Benchmark override reason' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'close-incident': {
    event: api('close-incident', {
      pathParameters: { incidentId: BENCH_INCIDENT },
      headers: json,
      body: JSON.stringify({ version: 1, reason: 'Benchmark close reason' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'notify-incident-persons': {
    event: api('notify-incident-persons', {
      pathParameters: { incidentId: BENCH_INCIDENT },
      headers: json,
      body: JSON.stringify({ version: 1 }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'preview-incident-notice': {
    event: api('preview-incident-notice', { pathParameters: { incidentId: BENCH_INCIDENT }, claims: OFFICER_CLAIMS }),
    expect: '404',
  },
  'permit-provision': {
    event: api('permit-provision', {
      headers: json,
      body: JSON.stringify({
        recipient: 'bench-unknown-recipient',
        subjects: [DEMO_CUSTOMER.subjectId],
        items: ['name'],
        purpose: 'service-provision',
        basis: 'consent',
      }),
      principal: BUSINESS_SYSTEM,
    }),
    expect: '422',
  },
  'record-receipt': {
    event: api('record-receipt', {
      headers: json,
      body: JSON.stringify({
        providerId: 'bench-provider',
        provider: {
          name: 'Bench Referrals K.K.',
          address: '1-1 Chiyoda, Tokyo',
          representative: 'Representative Director',
        },
        // Special care-required data by opt-out is refused before anything is written.
        subjects: [DEMO_CUSTOMER.subjectId],
        items: ['medical-history'],
        basis: 'opt-out',
        acquisition: 'Its own web form',
        evidenceReference: 'Bench',
      }),
      principal: BUSINESS_SYSTEM,
    }),
    expect: '422',
  },
  'list-provisions': {
    event: api('list-provisions', {
      // One person's records need the open request about them; the audit view across people takes a reason.
      query: { counterparty: DEMO_PAYMENTS_RECIPIENT.recipientId, reason: 'Benchmark of the audit view' },
      claims: OFFICER_CLAIMS,
    }),
    expect: '200',
  },
  'get-privacy-notice': { event: api('get-privacy-notice', {}), expect: '200' },
  'get-openapi': { event: api('get-openapi', {}), expect: '200' },
  // Unsigned: refused before the body is parsed.
  'receive-opendsr-callback': {
    event: api('receive-opendsr-callback', { headers: json, body: JSON.stringify({ subject_request_id: 'x' }) }),
    expect: '403',
  },
  'request-export': {
    event: api('request-export', {
      headers: json,
      body: JSON.stringify({
        subjectIds: [DEMO_CUSTOMER.subjectId, 'bench-subject'],
        categories: ['name', 'email'],
        purpose: 'service-provision',
        format: 'csv',
      }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '202',
  },
  'list-exports': {
    event: api('list-exports', { query: { status: 'requested' }, claims: OFFICER_CLAIMS }),
    expect: '200',
  },
  'view-export': {
    event: api('view-export', { pathParameters: { exportId: UNKNOWN_ID }, claims: OFFICER_CLAIMS }),
    expect: '404',
  },
  'decide-export': {
    event: api('decide-export', {
      pathParameters: { exportId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ decision: 'approved', reason: 'Benchmark of the approval' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'download-export': {
    event: api('download-export', {
      pathParameters: { exportId: UNKNOWN_ID, token: UNKNOWN_LINK_TOKEN },
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  // ---- Staff accounts: a new account each run (the id is random); changes to an unknown one answer 404 ----
  'list-staff-accounts': { event: api('list-staff-accounts', { claims: OFFICER_CLAIMS }), expect: '200' },
  'get-my-standing': { event: api('get-my-standing', { claims: OFFICER_CLAIMS }), expect: '200' },
  'list-standings': { event: api('list-standings', { claims: OFFICER_CLAIMS }), expect: '200' },
  'create-staff-account': {
    event: () => {
      const staffId = `bench-${randomBytes(4).toString('hex')}`;
      return api('create-staff-account', {
        headers: json,
        body: JSON.stringify({
          staffId,
          displayName: 'Bench Operator',
          email: `${staffId}@desk.example.jp`,
          role: 'operator',
        }),
        claims: OFFICER_CLAIMS,
      })();
    },
    expect: '201',
  },
  'change-staff-role': {
    event: api('change-staff-role', {
      pathParameters: { staffId: UNKNOWN_STAFF },
      headers: json,
      body: JSON.stringify({ role: 'auditor', reason: 'Transferred to the audit team' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'disable-staff-account': {
    event: api('disable-staff-account', {
      pathParameters: { staffId: UNKNOWN_STAFF },
      headers: json,
      body: JSON.stringify({ reason: 'retirement' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'enable-staff-account': {
    event: api('enable-staff-account', {
      pathParameters: { staffId: UNKNOWN_STAFF },
      headers: json,
      body: JSON.stringify({ reason: 'Back from leave' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'list-internal-rules': { event: api('list-internal-rules', { claims: OPERATOR_CLAIMS }), expect: '200' },
  // Each refused after reading the safeguards table, before anything is written (422).
  'publish-rule-version': {
    event: api('publish-rule-version', {
      headers: json,
      body: JSON.stringify({
        ruleId: 'bench-rule',
        version: 1,
        kind: 'rules',
        title: { ja: 'ベンチ', en: 'Bench' },
        effectiveFrom: '2000-01-01',
        reference: 'Benchmark',
      }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '422',
  },
  'acknowledge-rule': {
    event: api('acknowledge-rule', {
      headers: json,
      body: JSON.stringify({ ruleId: 'bench-unknown-rule', version: 1 }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '422',
  },
  'list-unacknowledged-rules': { event: api('list-unacknowledged-rules', { claims: OFFICER_CLAIMS }), expect: '200' },
  'list-training': { event: api('list-training', { claims: OFFICER_CLAIMS }), expect: '200' },
  'add-training-course': {
    event: api('add-training-course', {
      headers: json,
      body: JSON.stringify({
        courseId: 'bench-course',
        title: { ja: 'ベンチ', en: 'Bench' },
        validityMonths: 0,
        required: false,
      }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '400',
  },
  'record-training-completion': {
    event: api('record-training-completion', {
      headers: json,
      body: JSON.stringify({ staffId: UNKNOWN_STAFF, courseId: 'bench-course', completedOn: '2000-01-01' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '422',
  },
  // Both read the incident first: an unknown one is 404 after a DynamoDB read.
  'view-incident-report': {
    event: api('view-incident-report', {
      pathParameters: { incidentId: 'INC-2026-01-05-BENCH0', kind: 'preliminary' },
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'record-report-submission': {
    event: api('record-report-submission', {
      pathParameters: { incidentId: 'INC-2026-01-05-BENCH0', kind: 'preliminary' },
      headers: json,
      body: JSON.stringify({ fromVersion: 1, submittedAt: '2026-01-06T01:00:00Z', receiptReference: 'PPC-0001' }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'confirm-officer-grant': {
    event: api('confirm-officer-grant', {
      pathParameters: { staffId: UNKNOWN_STAFF },
      headers: json,
      body: JSON.stringify({ confirm: true }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'list-audits': { event: api('list-audits', { claims: OFFICER_CLAIMS }), expect: '200' },
  // Refused before anything is written: the auditor named is no staff account (422).
  'plan-audit': {
    event: api('plan-audit', {
      headers: json,
      body: JSON.stringify({
        title: 'Benchmark',
        scope: 'Benchmark',
        period: { from: '2026-01-01', to: '2026-03-31' },
        plannedOn: '2026-04-10',
        auditor: UNKNOWN_STAFF,
      }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '422',
  },
  'view-audit': auditCall('view-audit', OFFICER_CLAIMS),
  'record-audit-result': auditCall('record-audit-result', AUDITOR_CLAIMS, {
    body: { itemId: 'basic-policy', outcome: 'conforms', note: '', version: 0 },
  }),
  'add-audit-finding': auditCall('add-audit-finding', AUDITOR_CLAIMS, {
    body: {
      itemId: 'basic-policy',
      description: 'Benchmark',
      action: { description: 'Benchmark', owner: 'officer', dueOn: '2026-04-30' },
    },
  }),
  'change-corrective-action': auditCall('change-corrective-action', OFFICER_CLAIMS, {
    findingId: 'F-BENCH0',
    body: { version: 1, status: 'in-progress' },
  }),
  'close-audit': auditCall('close-audit', AUDITOR_CLAIMS, { body: { version: 1, conclusion: 'Benchmark' } }),
  'view-audit-report': auditCall('view-audit-report', OFFICER_CLAIMS),
  // ---- Anonymisation: a definition refused before anything is written (an unknown category); reads of unknown ids answer 404 ----
  'refuse-anonymised-provision': {
    event: api('refuse-anonymised-provision', {
      headers: json,
      body: JSON.stringify({ recipient: 'bench-recipient', anonymisedDataset: BENCH_DATASET }),
      principal: BUSINESS_SYSTEM,
    }),
    expect: '403',
  },
  'list-anonymisation-definitions': {
    event: api('list-anonymisation-definitions', { claims: OFFICER_CLAIMS }),
    expect: '200',
  },
  'create-anonymisation-definition': {
    event: api('create-anonymisation-definition', {
      headers: json,
      body: JSON.stringify({
        definitionId: 'bench-definition',
        title: { ja: 'ベンチマーク', en: 'Benchmark' },
        purposes: ['bench-unknown-purpose'],
        attributes: [{ category: 'bench-unknown-category', treatment: 'keep' }],
        model: { k: 5 },
      }),
      claims: OFFICER_CLAIMS,
    }),
    expect: '422',
  },
  'view-anonymisation-definition': {
    event: api('view-anonymisation-definition', {
      pathParameters: { definitionId: 'bench-unknown' },
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'start-anonymisation-run': {
    event: api('start-anonymisation-run', {
      pathParameters: { definitionId: 'bench-unknown' },
      claims: OFFICER_CLAIMS,
    }),
    expect: '404',
  },
  'view-anonymised-dataset': {
    event: api('view-anonymised-dataset', { pathParameters: { datasetId: BENCH_DATASET }, claims: OFFICER_CLAIMS }),
    expect: '404',
  },
  'read-anonymised-rows': {
    event: api('read-anonymised-rows', { pathParameters: { datasetId: BENCH_DATASET }, claims: OFFICER_CLAIMS }),
    expect: '404',
  },
  'read-anonymisation-method': {
    event: api('read-anonymisation-method', { pathParameters: { datasetId: BENCH_DATASET }, claims: OFFICER_CLAIMS }),
    expect: '404',
  },
} satisfies Record<RouteName, BenchRequest>;

export const WORKER_REQUESTS = {
  'send-outbox': { event: () => ({ Records: [] }), expect: 'ok' },
  // The sweep queries the outbox for pending messages, so it reaches DynamoDB even with none.
  'retry-outbox': { event: () => ({}), expect: 'ok' },
  'certify-erasure': { event: () => ({ Records: [] }), expect: 'ok' },
  'certify-my-number-erasure': { event: () => ({ Records: [] }), expect: 'ok' },
  'erase-on-request': { event: () => ({ Records: [] }), expect: 'ok' },
  'anonymise-dataset': { event: () => ({ Records: [] }), expect: 'ok' },
  // The schedule scans the purposes table for pending rollouts, so it reaches DynamoDB even with none.
  'apply-purpose-change': { event: () => ({}), expect: 'ok' },
  // The schedule queries the open requests, so it reaches DynamoDB even with none due.
  'send-deadline-reminders': { event: () => ({}), expect: 'ok' },
  // The schedule queries the unfinished tasks, so it reaches DynamoDB even with none.
  'remind-overdue-fulfilment': { event: () => ({}), expect: 'ok' },
  // The schedule reads its cursor and the last closed hour of the access log, so it reaches DynamoDB with an empty log.
  // Lists the holders and their reviews; with none registered it reaches DynamoDB and mails no one.
  'remind-holder-reviews': { event: () => ({}), expect: 'ok' },
  // Scans the incident register; with none it reaches DynamoDB and mails no one.
  'remind-incident-reports': { event: () => ({}), expect: 'ok' },
  'remind-standing-lapses': { event: () => ({}), expect: 'ok' },
  'remind-corrective-actions': { event: () => ({}), expect: 'ok' },
  'analyse-staff-access': { event: () => ({}), expect: 'ok' },
  // Lists the digest bucket first, so it reaches S3 even when the day's digest is written.
  'write-access-log-digest': { event: () => ({}), expect: 'ok' },
  'send-fulfilment-tasks': { event: () => ({ Records: [] }), expect: 'ok' },
  // The sweep queries the due tasks of each state, so it reaches DynamoDB even with none.
  'contact-holders': { event: () => ({}), expect: 'ok' },
} satisfies Record<WorkerName, BenchRequest>;
