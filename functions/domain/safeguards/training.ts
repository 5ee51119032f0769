// Policy §6(2)B: education and training of employees on the security management of personal data.

/** A completion counts for a year unless the course says otherwise. */
export const DEFAULT_TRAINING_VALIDITY_MONTHS = 12;

export interface TrainingCourse {
  courseId: string;
  title: { ja: string; en: string };
  /** Months a completion stays current. */
  validityMonths: number;
  /** A required course must be current for a staff member to handle personal data. */
  required: boolean;
  createdBy: string;
  createdAt: string;
}

/** One staff member's completion of a course, recorded by the officer. */
export interface TrainingCompletion {
  staffId: string;
  courseId: string;
  /** Japan date (YYYY-MM-DD) the course was completed. */
  completedOn: string;
  /** Japan date (YYYY-MM-DD), the last day the completion is current. */
  validUntil: string;
  recordedBy: string;
  recordedAt: string;
}
