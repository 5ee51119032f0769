// What a request type is: the schema the contract takes from it and the definition that decides and
// fulfils it. Each type lives in its own folder under types/ and is listed in types/registry.ts.

import type { z } from 'zod';
import type { AccessLogWriter } from '../access-log/ports';
import type { DeskContact } from '../company';
import type { Reach } from '../fulfilment/fan-out';
import type { HoldingsReader } from '../holdings';
import type { IncidentReader } from '../incidents/ports';
import type { IdentifierMac, SecretSource } from '../kernel/ports';
import type { MyNumberDocumentReader } from '../my-number/ports';
import type { SubjectLifecycleReader, SuppressionReader } from '../personal-data/ports';
import type { RecipientRegistry } from '../provisions/ports';
import type { PurposeVersionReader } from '../purposes/ports';
import type { StaffActor } from '../staff';
import type { DeskWrite } from './ports';
import type { DecisionOutcome, Delivery, DeskRequest, Label, Language, TypeLabel } from './request';

export type { Label, TypeLabel } from './request';

/** A decision as the operator gave it, its details already checked against the type's schema. */
export interface DecisionInput {
  outcome: DecisionOutcome;
  grounds?: string[];
  reason?: string;
  details?: Record<string, unknown>;
}

export interface FulfilmentContext {
  request: DeskRequest;
  /** The decision being carried out: fulfilled, or partially fulfilled with grounds for the rest. */
  decision: DecisionInput;
  actor: StaffActor;
  now: Date;
  publicBaseUrl: string;
  /** The configured desk, which signs the result e-mail. */
  desk: DeskContact;
  holdings: HoldingsReader;
  /** The purpose registry, so what is told to the person uses the purposes' current text. */
  purposes: PurposeVersionReader;
  accessLog: AccessLogWriter;
  secrets: SecretSource;
  /** The subjects' lifecycles, which a record's expiry counts from. */
  lifecycles: SubjectLifecycleReader;
  /** The recipient registry, which a cessation of provision names recipients from. */
  recipients: Pick<RecipientRegistry, 'get'>;
  /** The MACs an erasure, a cessation or a correction leaves its suppression entries under. */
  identifierMac: IdentifierMac;
  /** The suppression entries an addition on request is held against, as registration holds records. */
  suppressions: SuppressionReader;
  /**
   * The incident register: a disclosure states the incidents involving the person, and a cessation on
   * the ground reportable-leak may name one (APPI Art. 35(5)). Left out only in unit tests of a type's
   * own fulfilment; the decide route and its preview always pass it.
   */
  incidents?: Pick<IncidentReader, 'get' | 'incidentsOf'>;
  /**
   * Which My Number documents are held for the person, without the numbers: a disclosure lists them
   * with their retention. Left out only in unit tests of a type's own fulfilment.
   */
  myNumberDocuments?: MyNumberDocumentReader;
}

export interface Fulfilment {
  /** Written in the same transaction as the decision. */
  writes: DeskWrite[];
  /** The result e-mail to the requester. */
  message: { subject: string; text: string };
  /** Recorded on the decided request: how a disclosure is delivered. */
  delivery?: Delivery;
  /**
   * What the fulfilment affected that other holders of the data must follow (APPI Art. 34-35, policy
   * §8(1)): each holder of these categories gets a task in the decision's transaction.
   */
  reach?: Reach[];
}

/**
 * What the contract and the OpenAPI document need of a type (types/<type>/schema.ts): its name, the
 * details a request carries, the outcomes and refusal grounds the Act allows it, and the details a
 * decision of each outcome carries. Nothing here fulfils, so the routes that only take requests do not
 * bundle fulfilment code.
 */
export interface RequestTypeSchema {
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
}

/** A request type with its decision rules and its fulfilment (types/<type>/definition.ts). */
export interface RequestTypeDefinition extends RequestTypeSchema {
  /** The kinds of write its fulfilment makes, so the decide route is granted every table they go to. */
  writes: readonly DeskWrite['kind'][];
  /** Rules joining grounds and details (a ground that needs a detail); returns what is wrong, if anything. */
  checkDecision?(decision: DecisionInput): string | undefined;
  /** What a refusal must tell the person beyond grounds and reason (an alternative measure taken), from the decision's details. */
  refusalNote?(decision: DecisionInput): Label | undefined;
  /** Carries out a fulfilled or partially fulfilled decision; a refusal needs no type-specific work. */
  fulfil(context: FulfilmentContext): Promise<Fulfilment>;
}

export function labelIn(label: Label, language: Language): string {
  return label[language];
}
