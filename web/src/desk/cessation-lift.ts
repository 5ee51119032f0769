// Lifting a cessation of provision (APPI Art. 35(3),(5)) from the subject view: who may (the route's
// officers), which stops stand to be lifted, the body POST …/provision-cessation-lifts takes, and the
// confirmation and the answer in words. The API checks everything again and answers 409/422.
import { japanTime } from './officer';
import type { StaffRole } from './session';
import type { Language } from './text';

export interface ProvisionStop {
  requestId: string;
  at: string;
}
export interface ProvisionCessation {
  all?: ProvisionStop;
  recipients?: Record<string, ProvisionStop>;
}
/** A registered recipient as GET /v1/staff/recipients lists it: enough to name it. */
export interface RecipientName {
  recipientId: string;
  name: string;
  country: string;
}

export interface LiftForm {
  scope: 'all' | 'named';
  recipientIds: string[];
  reason: string;
}

/** The lift as the API answers it (provisionCessationLiftResponse), the parts the answer names. */
export interface LiftResult {
  lifted: Array<ProvisionStop & { recipient: string }>;
  at: string;
  cessationOfProvision: ProvisionCessation | null;
}

/** Only officers lift (the route lift-provision-cessation); the others are not offered the form. */
export const canLift = (role: StaffRole) => role === 'officer';

/** The cessation standing on the subject (its lifecycle), read as the API reads it; the old flag {requestId, at} is a stop to all. */
export function standingCessation(lifecycle: Record<string, unknown>): ProvisionCessation | undefined {
  const stored = lifecycle.cessationOfProvision as (ProvisionCessation & Partial<ProvisionStop>) | undefined;
  if (!stored || typeof stored !== 'object') return undefined;
  if (typeof stored.requestId === 'string' && typeof stored.at === 'string')
    return { all: { requestId: stored.requestId, at: stored.at } };
  const recipients = stored.recipients && Object.keys(stored.recipients).length > 0 ? stored.recipients : undefined;
  if (!stored.all && !recipients) return undefined;
  return { ...(stored.all ? { all: stored.all } : {}), ...(recipients ? { recipients } : {}) };
}

/** The recipients a stop of their own stands for: the only ones a named lift may name. */
export const stoppedRecipients = (cessation: ProvisionCessation | undefined) =>
  Object.keys(cessation?.recipients ?? {});

/** The named stops first when there are some (the narrower lift); else the stop to all. Nothing chosen, no reason. */
export const emptyLiftForm = (cessation: ProvisionCessation): LiftForm => ({
  scope: stoppedRecipients(cessation).length > 0 ? 'named' : 'all',
  recipientIds: [],
  reason: '',
});

/** The body as typed: nothing chosen or no reason is sent as it is, and the API's 422 names the field. */
export function liftBody(form: LiftForm) {
  return {
    recipients:
      form.scope === 'all' ? { scope: 'all' as const } : { scope: 'named' as const, recipientIds: form.recipientIds },
    reason: form.reason,
  };
}

/** A recipient by its registered name and country, else its id. */
export function recipientName(id: string, names: readonly RecipientName[], language: Language): string {
  const found = names.find((n) => n.recipientId === id);
  if (!found) return id;
  return language === 'ja' ? `${found.name}（${found.country}）` : `${found.name} (${found.country})`;
}

const EVERY = { ja: 'すべての第三者', en: 'every third party' };

function listed(ids: readonly string[], names: readonly RecipientName[], language: Language): string {
  const words = ids.map((id) => (id === 'all' ? EVERY[language] : recipientName(id, names, language)));
  if (language === 'ja') return ids.map((id, i) => (id === 'all' ? words[i] : `「${words[i]}」`)).join('');
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/** What the officer confirms: whom provision may resume to. */
export function liftConfirmation(form: LiftForm, names: readonly RecipientName[], language: Language): string {
  if (language === 'ja') {
    const whom =
      form.scope === 'all'
        ? 'この本人についてのすべての提供停止（すべての第三者への停止及び提供先ごとの停止）'
        : `${listed(form.recipientIds, names, 'ja')}への提供停止`;
    return `${whom}を解除しますか。解除すると、同意等に基づく提供を再び行えるようになります。`;
  }
  const whom =
    form.scope === 'all'
      ? 'every cessation of provision of this person (to every third party and to each recipient)'
      : `the cessation of provision to ${listed(form.recipientIds, names, 'en')}`;
  return `Lift ${whom}? Provision on consent or opt-out may then resume.`;
}

/** The answer: what was lifted and when (Japan time), and what still stands. */
export function liftAnswer(result: LiftResult, names: readonly RecipientName[], language: Language): string {
  const lifted = listed(
    result.lifted.map((l) => l.recipient),
    names,
    language,
  );
  const remaining = result.cessationOfProvision
    ? [...(result.cessationOfProvision.all ? ['all'] : []), ...stoppedRecipients(result.cessationOfProvision)]
    : [];
  const at = japanTime(result.at, language);
  if (language === 'ja') {
    return `${lifted}への提供停止を解除しました（${at}）。${remaining.length > 0 ? `引き続き停止中：${listed(remaining, names, 'ja')}。` : '停止中のものはありません。'}`;
  }
  return `Lifted the cessation of provision to ${lifted} (${at}). ${remaining.length > 0 ? `Still stopped: ${listed(remaining, names, 'en')}.` : 'No cessation of provision stands any more.'}`;
}
