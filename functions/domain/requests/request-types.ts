// The registry of request types. A type brings its details schema, the outcomes and refusal grounds
// the Act allows it, and what fulfilling it does; adding a type is adding a file and a line here.
import type { z } from 'zod';
import type { SubjectLifecycleReader } from '../personal-data/ports';
import type { AccessLogWriter } from '../access-log/ports';
import type { DeskWrite } from './ports';
import type { HoldingsReader } from '../holdings';
import type { SecretSource } from '../kernel/ports';
import type { RecipientRegistry } from '../provisions/ports';
import type { PurposeVersionReader } from '../purposes/ports';
import type { StaffActor } from '../staff';
import { cessationOfProvision } from './cessation-of-provision';
import { cessationOfUse } from './cessation-of-use';
import { complaint } from './complaint';
import { correction } from './correction';
import { disclosure } from './disclosure';
import { purposeNotification } from './purpose-notification';
import type { DecisionOutcome, Delivery, DeskRequest, Language } from './request';

/** A decision as the operator gave it, its details already checked against the type's schema. */
export interface DecisionInput {
  outcome: DecisionOutcome;
  grounds?: string[];
  reason?: string;
  details?: Record<string, unknown>;
}

export interface Label {
  ja: string;
  en: string;
}

/** A request type's name; `made` names what the person made where "…のご請求" / "… request" would not fit. */
export interface TypeLabel extends Label {
  made?: Label;
}

export interface FulfilmentContext {
  request: DeskRequest;
  /** The decision being carried out: fulfilled, or partially fulfilled with grounds for the rest. */
  decision: DecisionInput;
  actor: StaffActor;
  now: Date;
  publicBaseUrl: string;
  holdings: HoldingsReader;
  /** The purpose registry, so what is told to the person uses the purposes' current text. */
  purposes: PurposeVersionReader;
  accessLog: AccessLogWriter;
  secrets: SecretSource;
  /** The subjects' lifecycles, which a record's expiry counts from. */
  lifecycles: SubjectLifecycleReader;
  /** The recipient registry, which a cessation of provision names recipients from. */
  recipients: Pick<RecipientRegistry, 'get'>;
}

export interface Fulfilment {
  /** Written in the same transaction as the decision. */
  writes: DeskWrite[];
  /** The result e-mail to the requester. */
  message: { subject: string; text: string };
  /** Recorded on the decided request: how a disclosure is delivered. */
  delivery?: Delivery;
}

export interface RequestTypeDefinition {
  type: string;
  label: TypeLabel;
  details: z.ZodType<Record<string, unknown>>;
  outcomes: readonly DecisionOutcome[];
  refusalGrounds: Readonly<Record<string, Label>>;
  /**
   * The details a decision of each outcome carries (what was changed, which measure was taken, the
   * reply). An outcome without a schema takes no details.
   */
  decisionDetails?: Partial<Record<DecisionOutcome, z.ZodType<Record<string, unknown>>>>;
  /** Rules joining grounds and details (a ground that needs a detail); returns what is wrong, if anything. */
  checkDecision?(decision: DecisionInput): string | undefined;
  /** What a refusal must tell the person beyond grounds and reason (an alternative measure taken), from the decision's details. */
  refusalNote?(decision: DecisionInput): Label | undefined;
  /** Carries out a fulfilled or partially fulfilled decision; a refusal needs no type-specific work. */
  fulfil(context: FulfilmentContext): Promise<Fulfilment>;
}

export const REQUEST_TYPES: readonly RequestTypeDefinition[] = [disclosure, purposeNotification, correction, cessationOfUse, cessationOfProvision, complaint];

export function requestType(type: string): RequestTypeDefinition | undefined {
  return REQUEST_TYPES.find((t) => t.type === type);
}

export function labelIn(label: Label, language: Language): string {
  return label[language];
}

/** The grounds as the Act words them, in both languages, so pages show the law's text, not codes. */
export function groundLabels(type: string, grounds: readonly string[]) {
  const labels = requestType(type)?.refusalGrounds ?? {};
  return grounds.map((id) => ({ id, ...(Object.hasOwn(labels, id) ? labels[id]! : { ja: id, en: id }) }));
}
