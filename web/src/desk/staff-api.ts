// The staff routes of the API, called with the signed-in staff member's ID token. A 401 (the token
// expired or was refused) ends the session, and the console asks for sign-in again.
import { type ApiResult, call } from '../api';
import { endSession, type StaffSession, sessionExpired } from './session';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function staffApi(session: StaffSession) {
  const send = async <T>(method: Method, path: string, body?: unknown): Promise<ApiResult<T>> => {
    if (sessionExpired(session)) {
      endSession('expired');
      return { kind: 'problem', problem: { title: 'Unauthorized', status: 401, detail: 'The sign-in has expired.' } };
    }
    const result = await call<T>(method, path, { token: session.idToken, ...(body !== undefined ? { body } : {}) });
    if (result.kind === 'problem' && result.problem.status === 401) endSession('expired');
    return result;
  };
  return {
    get: <T>(path: string) => send<T>('GET', path),
    post: <T>(path: string, body: unknown) => send<T>('POST', path, body),
    put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
    del: <T>(path: string) => send<T>('DELETE', path),
  };
}

export type StaffApi = ReturnType<typeof staffApi>;
