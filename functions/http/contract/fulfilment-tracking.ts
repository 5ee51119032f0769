// What the desk's staff read and record of a decided request's fulfilment at the holders: each task
// (holder, instruction, state, last contact), where the answer stands, answering with what is known,
// and closing a task a person carried out by hand. Tasks carry no personal data.
import * as z from 'zod';
import { TASK_STATES } from '../../domain/fulfilment/task';
import { ANSWER_STATES } from '../../domain/fulfilment/tracking-words';
import { instant } from './common';

const INSTRUCTIONS = ['disclosure', 'correction', 'cessation-of-use', 'erasure'] as const;
const CONTACT_KINDS = ['send', 'poll', 'cancel', 'callback', 'person'] as const;

export const taskId = z.uuid({ error: 'must be a task id (a UUID)' });
export const taskIdParams = z.strictObject({ taskId });

export const taskView = z.object({
  taskId,
  holderId: z.string(),
  holderName: z.string().describe("The holder's registered name."),
  instruction: z.enum(INSTRUCTIONS).describe('What the holder is asked to do.'),
  categories: z.array(z.string()).describe('The registry categories the holder is asked about.'),
  state: z.enum(TASK_STATES),
  lastContact: z
    .object({ at: instant, kind: z.enum(CONTACT_KINDS), outcome: z.string() })
    .optional()
    .describe("The last contact with the holder and its outcome (the holder's status, or why it failed)."),
  expectedCompletionAt: instant.optional().describe('When the holder expects to have finished, as it said.'),
  completedAt: instant.optional(),
  resultsCount: z.number().int().min(0).optional().describe('For a disclosure: how many records the holder returned.'),
  closedByPerson: z
    .object({ by: z.string(), at: instant, note: z.string() })
    .optional()
    .describe('What a person recorded when they closed the task by hand.'),
});

export const requestFulfilmentView = z
  .object({
    tasks: z.array(taskView),
    answer: z
      .enum(ANSWER_STATES)
      .optional()
      .describe(
        'Where the answer to the person stands: awaiting-holders (kept until every task is finished), sent, or sent-partial (sent with what was known, naming the holders that had not finished).',
      ),
  })
  .describe('A decided request that reaches holders of the data: one task per holder.');

export const closeTaskBody = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1, { error: 'must say what was done, and where' })
    .max(2000)
    .describe('What was done by hand at the holder, by whom there, and when: kept with the task as evidence.'),
});

export const closeTaskResponse = z.object({ taskId, state: z.literal('completed'), completedAt: instant });

export const answerNowBody = z.strictObject({}).describe('Nothing: the answer held with the request is sent as it is.');

export const answerNowResponse = z.object({
  requestId: z.string(),
  releasedAt: instant,
  partial: z.boolean().describe('Whether holders had not finished; the answer then names them.'),
});
