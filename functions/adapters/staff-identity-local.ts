// The local runtime's identity store is the staff table itself: the local sign-in (local/gateway.ts)
// checks the password hash kept there and issues tokens with the table's role. A new account gets a
// random temporary password, e-mailed through the outbox, which must be changed before signing in.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { temporaryPasswordMessage } from '../domain/accounts/messages';
import type { StaffIdentityProvider } from '../domain/accounts/ports';
import { deskContact } from '../domain/company';
import type { SecretSource } from '../domain/kernel/ports';
import { company } from './company';

export function hashLocalPassword(password: string, salt = randomBytes(16).toString('hex')): string {
  return `scrypt:${salt}:${scryptSync(password, salt, 32).toString('hex')}`;
}

export function localPasswordMatches(password: string, stored: string | undefined): boolean {
  const [scheme, salt, hash] = (stored ?? '').split(':');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const actual = scryptSync(password, salt, 32);
  const expected = Buffer.from(hash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** 18 random bytes in base64url: 24 characters, above the minimum length. */
const temporaryPassword = () => randomBytes(18).toString('base64url');

export function localStaffIdentity(secrets: SecretSource): StaffIdentityProvider {
  // Role and status live in the staff table, which the local sign-in and staff-auth read: nothing more to do.
  const inTheTable = async () => {};
  return {
    kind: 'local',
    async create(account, now) {
      const password = temporaryPassword();
      return {
        signIn: { localPasswordHash: hashLocalPassword(password), passwordMustChange: true },
        messages: [temporaryPasswordMessage(secrets.id(), account, password, now, deskContact(company()))],
      };
    },
    changeRole: inTheTable,
    disable: inTheTable,
    enable: inTheTable,
  };
}
