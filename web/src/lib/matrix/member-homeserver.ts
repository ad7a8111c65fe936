// Which homeserver a Matrix ID signs in to: only one of this deployment's
// member homeservers (the roster's authorities', as the server lists them),
// at the address the deployment gives for it. There is no discovery
// (.well-known) and no address typed by the person, so a password can only
// ever go to one of those addresses; anything else is refused here, before
// any request leaves the browser (ARCHITECTURE.md, decision 12).
import { err, ok, type Result } from '#policies/result.ts';

/** A member homeserver of this deployment, as the sign-in page receives it. */
export interface MemberHomeserver {
	readonly serverName: string;
	readonly clientUrl: string;
}

export type MemberProblem =
	/** The ID's server is not one of the member homeservers (a look-alike or another port included). */
	| { readonly kind: 'not-a-member'; readonly serverName: string; readonly members: readonly string[] }
	/** The page knows no member homeserver at all (the deployment's files could not be read). */
	| { readonly kind: 'no-members' };

/**
 * The member homeserver whose server name is exactly the ID's.
 * NOTE: compared exactly, not case-folded or with the port dropped: the
 * server name in a user ID is the homeserver's identity, and "MP.gob.gt",
 * "mp.gob.gt." or "mp.gob.gt:8448" name another server (or none) — the
 * deployment holds no address for it, so there is nowhere safe to send a
 * password. The refusal lists the names that work.
 */
export function memberHomeserverFor(serverName: string, members: readonly MemberHomeserver[]): Result<MemberHomeserver, MemberProblem> {
	if (members.length === 0) return err({ kind: 'no-members' });
	const member = members.find((homeserver) => homeserver.serverName === serverName);
	if (member === undefined) return err({ kind: 'not-a-member', serverName, members: members.map((homeserver) => homeserver.serverName) });
	return ok(member);
}
