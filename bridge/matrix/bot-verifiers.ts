// Who may verify the bridge bot (issue 12, "The bridge's identity appears as
// its authority's bot, verified by that authority's administrator"): a person
// of the bot's own authority with the role authority-administrator in the
// site's people file, whose account is on the bot's own homeserver. Anyone
// else's verification request is cancelled, with the reason logged. Pure:
// the caller (bot-verification.ts) answers the request.
import { localpartOf, serverNameOf } from '../../policies/cases/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import type { AuthorityId, Person } from '../../policies/roster/types.ts';

export interface BotVerifiers {
	/** The people the bot knows (the roster's and its site's people file). */
	readonly people: readonly Person[];
	/** The bot's own authority. */
	readonly authority: AuthorityId;
	/** The bot's own homeserver (server name as in user IDs, port included). */
	readonly server: string;
}

/** Ok with the administrator's roster entry, or why the user may not verify the bot (no content, a reason to log). */
export function mayVerifyBot(userId: string, verifiers: BotVerifiers): Result<Person, string> {
	const server = serverNameOf(userId);
	if (server !== verifiers.server) return err(`${userId} is not on the bot's own homeserver ${verifiers.server}`);
	const localpart = localpartOf(userId).toLowerCase();
	const person = verifiers.people.find((p) => p.localpart.toLowerCase() === localpart && p.authority === verifiers.authority);
	if (person === undefined) return err(`${userId} is not in ${verifiers.authority}'s people file`);
	if (!person.roles.includes('authority-administrator'))
		return err(`${userId} is not an authority-administrator of ${verifiers.authority} (roles: ${person.roles.join(', ') || 'none'})`);
	return ok(person);
}
