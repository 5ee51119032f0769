import type { SubjectLifecycle } from './expiry';

export interface SubjectLifecycleReader {
  get(subjectId: string): Promise<SubjectLifecycle | undefined>;
}
