// The incident register (APPI Art. 26).

/** Which subject ids the registry holds anything live under (the persons an incident may be linked to). */
export interface RegisteredSubjects {
  registered(subjectIds: readonly string[], now: Date): Promise<Set<string>>;
}
