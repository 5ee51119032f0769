// Training (policy §6(2)B): the officer adds courses and records completions; each member sees their
// own, the officer and auditors everyone's. No customer personal data.
import {
  addCourseBody,
  completionResponse,
  courseResponse,
  recordCompletionBody,
  trainingListResponse,
} from '../http/contract/training';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const listTraining = {
  name: 'list-training',
  method: 'GET',
  path: '/v1/staff/training',
  summary:
    "The training courses and each member's latest completion per course with its last valid day (the officer and auditors: every active member, access-logged; anyone else: themselves).",
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { safeguards: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: trainingListResponse, description: 'The courses and the members.' },
} as const satisfies RouteDefinition;

export const addTrainingCourse = {
  name: 'add-training-course',
  method: 'POST',
  path: '/v1/staff/training/courses',
  summary: 'Add a training course, with how many months a completion stays current (a year unless given).',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { safeguards: 'read-write', ...STAFF_CHECK },
  request: { body: addCourseBody },
  response: { status: 201, schema: courseResponse, description: 'The course.' },
} as const satisfies RouteDefinition;

export const recordTrainingCompletion = {
  name: 'record-training-completion',
  method: 'POST',
  path: '/v1/staff/training/completions',
  summary:
    "Record a staff member's completion of a course on a day not later than today; it is current through the day the course's validity gives. Access-logged.",
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { safeguards: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { body: recordCompletionBody },
  response: { status: 201, schema: completionResponse, description: 'The completion, with its last valid day.' },
} as const satisfies RouteDefinition;
