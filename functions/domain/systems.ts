// The company's own systems that call the desk with IAM (SigV4) under /v1/system/. Each is an IAM
// policy in AWS (lib/api.ts) and a local key pair in the local runtime; a route names which may call.

export const SYSTEM_NAMES = [
  /** Business systems (CRM, billing, web): register personal data, report events, ask use checks, ask before a provision to a third party. */
  'business-systems',
  /** Payroll: the only system that handles Individual Numbers (My Number Act Art. 9). */
  'payroll',
] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

/** The calling system, as API Gateway identified it. */
export interface SystemActor {
  /** The IAM principal (user or role ARN) that signed the call. */
  principal: string;
  sourceIp: string;
}
