/**
 * The one place API handlers ask "may this person do that to this COP?": 404 when the COP does
 * not exist, 403 when it does but the person's standing does not allow the action.
 */
import { standingInCop } from '../accounts/access';
import { findCop, type Cop } from '../accounts/cops';
import type { CopStanding } from '../accounts/roles';
import type { User } from '../accounts/users';
import type { SqliteDatabase } from '../db/database';
import { ApiError } from '../http/api-error';
import { apiMessages } from '../messages/api-messages';
import { copActions, type CopAction } from '../messages/cop-actions';

export function requireCopStanding(
  db: SqliteDatabase,
  user: User,
  copId: string,
  allowed: (standing: CopStanding) => boolean,
  what: CopAction
): { cop: Cop; standing: CopStanding } {
  const cop = findCop(db, copId);
  if (!cop) throw new ApiError(404, 'not_found', apiMessages.noSuchCop());
  const standing = standingInCop(db, user.id, copId);
  if (!allowed(standing)) throw new ApiError(403, 'forbidden', apiMessages.notAllowedTo({ what: copActions[what]() }));
  return { cop, standing };
}

export function requireManager(user: User, what: CopAction) {
  if (!user.isManager) throw new ApiError(403, 'forbidden', apiMessages.onlyManagerCan({ what: copActions[what]() }));
}
