// Training (policy §6(2)B): courses, completions the officer records, each member's latest per course.
import * as z from 'zod';
import { DEFAULT_TRAINING_VALIDITY_MONTHS } from '../../domain/safeguards/training';
import { TRAINING_VALIDITY_MONTHS_MAX, TRAINING_VALIDITY_MONTHS_MIN } from '../../domain/safeguards/training-validity';
import { STAFF_ROLES } from '../../domain/staff';
import { instant } from './common';

const courseId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, {
    error: 'must be 2-64 lower-case letters, digits or "-", starting with a letter',
  })
  .describe('e.g. "appi-basics".');
const titleText = z.string().trim().min(1, { error: 'must not be empty' }).max(200);

export const addCourseBody = z.strictObject({
  courseId,
  title: z.strictObject({ ja: titleText, en: titleText }),
  validityMonths: z
    .number()
    .int({ error: 'must be a whole number of months' })
    .min(TRAINING_VALIDITY_MONTHS_MIN, { error: `must be ${TRAINING_VALIDITY_MONTHS_MIN} or more` })
    .max(TRAINING_VALIDITY_MONTHS_MAX, { error: `must be at most ${TRAINING_VALIDITY_MONTHS_MAX}` })
    .optional()
    .describe(`Months a completion stays current; ${DEFAULT_TRAINING_VALIDITY_MONTHS} when not given.`),
  required: z.boolean().describe('A required course must be current for a staff member to handle personal data.'),
});

export const recordCompletionBody = z.strictObject({
  staffId: z.string().min(1, { error: 'must not be empty' }).max(64),
  courseId,
  completedOn: z.iso
    .date({ error: 'must be a date, YYYY-MM-DD' })
    .describe('The Japan date of completion; not later than today.'),
});

const course = z.object({
  courseId: z.string(),
  title: z.object({ ja: z.string(), en: z.string() }),
  validityMonths: z.number().int(),
  required: z.boolean(),
  createdBy: z.string(),
  createdAt: instant,
});
const completion = z.object({
  staffId: z.string(),
  courseId: z.string(),
  completedOn: z.iso.date(),
  validUntil: z.iso.date().describe('The last day the completion is current.'),
  recordedBy: z.string(),
  recordedAt: instant,
});

export const courseResponse = course;
export const completionResponse = completion;
export const trainingListResponse = z.object({
  today: z.iso.date(),
  validity: z
    .object({ defaultMonths: z.number().int(), minMonths: z.number().int(), maxMonths: z.number().int() })
    .describe("A course's validity when none is given, and the least and most it may be."),
  courses: z.array(course),
  members: z
    .array(
      z.object({
        staffId: z.string(),
        displayName: z.string(),
        role: z.enum(STAFF_ROLES),
        completions: z
          .array(completion.extend({ current: z.boolean() }))
          .describe('The latest completion of each course.'),
      }),
    )
    .describe('Every active member for the officer and auditors; the caller alone for anyone else.'),
});
