// The ports every capability shares: time and secrets. Each capability keeps its own ports beside it;
// adapters implement them with the AWS SDK, so the domain never sees a table or a mailer.
export interface Clock {
  now(): Date;
}

export interface SecretSource {
  /** A new request id. */
  id(): string;
  /** A uniformly random numeric code of the given length. */
  code(digits: number): string;
  /** An unguessable bearer token. */
  token(): string;
}

/**
 * A keyed HMAC of one identifier of a person (a subject id, an address, a customer number): the same
 * identifier always gives the same MAC, and without the key a MAC reveals nothing and cannot be
 * recomputed from a guessed address, so a table of MACs holds no personal data.
 */
export interface IdentifierMac {
  mac(identifier: string): Promise<string>;
}
