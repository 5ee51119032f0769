// The officer registers a recipient of personal data (APPI Art. 27–28): checked against what the Act
// requires of its relationship before it is recorded; an id is registered once.
import type { HolderReader } from '../holders/holder';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { futureJapanDateFault } from '../kernel/supplied-dates';
import { isSpecialCare } from '../personal-data/categories';
import type { StaffActor } from '../staff';
import { DOMESTIC_COUNTRY } from './countries';
import type { RecipientRegistry } from './ports';
import { type Recipient, type RecipientRegistration, type RecipientView, viewOf } from './recipients';

const unprocessable = (field: string, detail: string) =>
  new DeskProblem('unprocessable', 'Recipient not registered', `${field}: ${detail}`);

function checkRegistration(r: RecipientRegistration, now: Date): void {
  if (r.relationship === 'joint-use' && !r.jointUse) {
    throw unprocessable(
      'jointUse',
      'joint use is not a provision to a third party only once its items, joint users, purpose and responsible person are published (APPI Art. 27(5)(iii)): give them.',
    );
  }
  if (r.jointUse && r.relationship !== 'joint-use')
    throw unprocessable('jointUse', `only a joint-use recipient publishes joint use; this one is "${r.relationship}".`);
  if (r.optOut && r.relationship !== 'third-party') {
    throw unprocessable(
      'optOut',
      `opt-out provision (APPI Art. 27(2)) is provision to a third party; this recipient is "${r.relationship}".`,
    );
  }
  // The PPC publishes a notification once made (APPI Art. 27(4)); a notification not yet made is none.
  const notified = r.optOut ? futureJapanDateFault(r.optOut.notifiedOn, now) : undefined;
  if (notified)
    throw unprocessable(
      'optOut.notifiedOn',
      `${notified}; register the recipient for opt-out once the PPC has been notified (APPI Art. 27(2)).`,
    );
  const specialCare = r.optOut?.items.filter(isSpecialCare) ?? [];
  if (specialCare.length > 0) {
    throw unprocessable(
      'optOut.items',
      `special care-required information (${specialCare.join(', ')}) may never be provided by opt-out (APPI Art. 27(2) proviso): remove it.`,
    );
  }
  if (r.equivalentSetup && r.country === DOMESTIC_COUNTRY)
    throw unprocessable(
      'equivalentSetup',
      'an equivalent setup (Enforcement Rules Art. 16) is recorded only for a recipient abroad.',
    );
  if (r.recordKeeping === 'contract' && !r.contractReference) {
    throw unprocessable(
      'contractReference',
      "a contract stands in for the record only if the record names it (Enforcement Rules Art. 19(3)): give the contract's reference.",
    );
  }
  if (r.contractReference && r.recordKeeping !== 'contract')
    throw unprocessable('contractReference', 'give a contract reference only with recordKeeping "contract".');
}

export interface RegisterRecipientDeps {
  recipients: RecipientRegistry;
  holders: Pick<HolderReader, 'get'>;
  clock: Clock;
}

/** APPI Art. 27(5)(i), 25: an outsourcee is an entrusted person only as a registered, supervised processor. */
async function checkProcessor(deps: RegisterRecipientDeps, r: RecipientRegistration): Promise<void> {
  if (r.relationship !== 'outsourcing') {
    if (r.processorHolderId)
      throw unprocessable(
        'processorHolderId',
        `only an outsourcing recipient names a processor; this one is "${r.relationship}".`,
      );
    return;
  }
  if (!r.processorHolderId)
    throw unprocessable(
      'processorHolderId',
      'an outsourcing recipient (APPI Art. 27(5)(i)) is the processor the data is entrusted to: name it as registered in the holder registry, with its consignment contract (policy §6(2)B).',
    );
  const holder = await deps.holders.get(r.processorHolderId);
  if (!holder)
    throw unprocessable(
      'processorHolderId',
      `"${r.processorHolderId}" is not in the holder registry; register the processor with its consignment contract first.`,
    );
  if (holder.kind !== 'processor')
    throw unprocessable('processorHolderId', `"${holder.holderId}" is an internal system, not a processor.`);
  if (holder.retiredAt)
    throw unprocessable('processorHolderId', `"${holder.holderId}" was retired on ${holder.retiredAt.slice(0, 10)}.`);
}

/** POST /v1/staff/recipients: the officer registers a recipient; an id is registered once. */
export async function registerRecipient(
  deps: RegisterRecipientDeps,
  actor: StaffActor,
  registration: RecipientRegistration,
): Promise<RecipientView> {
  const now = deps.clock.now();
  checkRegistration(registration, now);
  await checkProcessor(deps, registration);
  const recipient: Recipient = { ...registration, registeredBy: actor.staffId, registeredAt: now.toISOString() };
  if (!(await deps.recipients.add(recipient))) {
    throw new DeskProblem(
      'conflict',
      'Recipient already registered',
      `recipientId: "${recipient.recipientId}" is registered already; register a changed recipient under a new id.`,
    );
  }
  return viewOf(recipient);
}
