// POST /v1/staff/requests/{requestId}/notes: staff record how an open request is being handled.
// Notes are personal data about the handling, so writing one is access-logged first; a closed
// request's record is final and takes no more notes.
import type { AccessLogWriter } from '../access-log/ports';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { StaffActor } from '../staff';
import type { DeskWriter, RequestReader } from './ports';
import { type DeskRequest, isOpen, type RequestNote } from './request';
import { commitOrConflict, getConfirmedRequest, logRequestAccess } from './request-store';

/**
 * The notes live in the request's own item, and a DynamoDB item holds at most 400 KB; this leaves
 * the rest of the request room to grow (history, decision).
 */
export const MAX_NOTES_BYTES = 256 * 1024;

export interface AddRequestNoteDeps {
  requests: RequestReader;
  accessLog: AccessLogWriter;
  writer: DeskWriter;
  clock: Clock;
}

const utf8Bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

export async function addRequestNote(deps: AddRequestNoteDeps, actor: StaffActor, requestId: string, text: string) {
  const now = deps.clock.now();
  const request = await getConfirmedRequest(deps.requests, requestId, now);
  if (!isOpen(request)) {
    throw new DeskProblem(
      'conflict',
      'Request closed',
      `This request is ${request.status}; the record of a closed request is final and takes no more notes.`,
    );
  }
  const at = now.toISOString();
  const note: RequestNote = { at, by: actor.staffId, text };
  const notes = [...(request.notes ?? []), note];
  if (utf8Bytes(notes) > MAX_NOTES_BYTES) {
    const usedKiB = Math.ceil(utf8Bytes(request.notes ?? []) / 1024);
    throw new DeskProblem(
      'unprocessable',
      'Notes full',
      `This note would take the request's notes past ${MAX_NOTES_BYTES / 1024} KiB, the most one request can hold (${usedKiB} KiB are used). Shorten the note to fit.`,
    );
  }

  await logRequestAccess(deps.accessLog, actor, request, 'write', ['notes'], at);
  const noted: DeskRequest = {
    ...request,
    notes,
    history: [...request.history, { at, event: 'note-added', by: actor.staffId }],
    version: request.version + 1,
  };
  await commitOrConflict(
    deps.writer,
    [{ kind: 'request', request: noted, expectedVersion: request.version }],
    'Changed meanwhile',
    'Someone changed this request while you were writing the note. Reload it and add the note again if the request is still open.',
  );
  return { requestId, note };
}
