// The API's bodies as the contract types them: the output of its zod schemas, so a page reads what the
// API validates and documents. Type-only: the build strips these imports and bundles no server code.
import type * as z from 'zod';
import type * as contract from '../../functions/http/contract';

// The Privacy Center.
export type SubmitResponse = z.output<typeof contract.submitRequestResponse>;
export type VerificationResponse = z.output<typeof contract.verificationResponse>;
export type ResendCodeResponse = z.output<typeof contract.resendCodeResponse>;
export type WithdrawalResponse = z.output<typeof contract.withdrawalResponse>;
export type RequestStatus = z.output<typeof contract.requestStatusResponse>;
export type SessionResponse = z.output<typeof contract.subjectSessionResponse>;
export type SubjectTokenResponse = z.output<typeof contract.subjectTokenResponse>;
export type MyConsents = z.output<typeof contract.myConsentsResponse>;
export type MyConsent = MyConsents['items'][number];
export type ConsentRecipient = NonNullable<MyConsent['recipient']>;
export type ForeignInformation = NonNullable<MyConsent['foreignInformation']>;
export type RecordedConsent = z.output<typeof contract.recordedConsentResponse>;
/**
 * A problem as the API words it; one the page makes up from a bare HTTP status has no type. Extension
 * members (RFC 9457 §3.2: attemptsLeft, resendAvailableAt …) are read by problem-text.ts.
 */
export type ProblemDetails = Omit<z.output<typeof contract.problemResponse>, 'type'> & {
  type?: string;
  [extension: string]: unknown;
};

// The desk console.
export type QueueItem = z.output<typeof contract.staffQueueResponse>['items'][number];
export type StaffRequestView = z.output<typeof contract.staffRequestResponse>;
export type StaffAccount = z.output<typeof contract.staffAccountResponse>;
export type AccountChange = z.output<typeof contract.staffAccountChangeResponse>;
export type AccessLogPage = z.output<typeof contract.accessLogResponse>;
export type AccessLogEntry = AccessLogPage['items'][number];
export type VerifyAnswer = z.output<typeof contract.accessLogVerifyResponse>;
export type BrokenLinkProblem = Extract<VerifyAnswer, { verified: false }>['firstBrokenLink']['problem'];
export type DossierJson = z.output<typeof contract.dossierResponse>;
export type SubjectView = z.output<typeof contract.subjectViewResponse>;
export type SearchHit = z.output<typeof contract.subjectSearchResponse>['items'][number];
