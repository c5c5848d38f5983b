// Roles carried in the `roles` claim of a bearer token. Staff roles are ranked
// (an admin may do what a moderator may); `messaging` is a service role for the
// messaging backend and grants nothing else.
export const ROLES = ["viewer", "moderator", "admin", "messaging"] as const;
export type Role = (typeof ROLES)[number];

const STAFF_RANK: Partial<Record<Role, number>> = { viewer: 1, moderator: 2, admin: 3 };

export function roleSatisfies(granted: readonly Role[], required: Role): boolean {
  if (granted.includes(required)) return true;
  const need = STAFF_RANK[required];
  if (need === undefined) return false;
  return granted.some((r) => (STAFF_RANK[r] ?? 0) >= need);
}

export type Actor = { sub: string; roles: Role[] };
