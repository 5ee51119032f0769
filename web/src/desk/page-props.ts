// What every console page is given by the frame: the signed-in session, the page's language, and a way to move on.
import type { DeskRoute } from './routes';
import type { StaffSession } from './session';
import type { Language } from './text';

export interface DeskPageProps {
  session: StaffSession;
  language: Language;
  go: (route: DeskRoute) => void;
}
