// Failures a use case reports to its caller. The HTTP layer maps each kind to a status code; the
// message is for the person who sent the request and says what to do next.

export type ProblemKind =
  | 'not-found'
  | 'conflict'
  | 'unprocessable'
  | 'forbidden'
  | 'locked'
  | 'gone';

export class DeskProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'DeskProblem';
  }
}

/** A conditional write lost to a concurrent one: the state it was based on has changed. */
export class StaleWriteError extends Error {
  constructor() {
    super('The item changed since it was read');
    this.name = 'StaleWriteError';
  }
}
