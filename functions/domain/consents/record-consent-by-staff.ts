// POST /v1/staff/subjects/{subjectId}/consents: staff record a written or oral consent, or its
// withdrawal, they received. The write is access-logged before it is made (policy §6(1)).
import type { AccessLogWriter } from '../access-log/ports';
import type { StaffActor } from '../staff';
import { type ConsentInput, type RecordConsentDeps, type RecordedConsent, recordConsent } from './record-consent';

export interface RecordConsentByStaffDeps extends RecordConsentDeps {
  accessLog: AccessLogWriter;
}

export async function recordConsentByStaff(
  deps: RecordConsentByStaffDeps,
  actor: StaffActor,
  input: ConsentInput,
): Promise<RecordedConsent> {
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'write',
    subjects: [input.subjectId],
    fields: ['consents'],
    reason: `${input.method} ${input.action === 'given' ? 'consent' : 'withdrawal'} received`,
    sourceIp: actor.sourceIp,
    at: deps.clock.now().toISOString(),
  });
  return recordConsent(deps, { kind: 'staff', id: actor.staffId }, input);
}
