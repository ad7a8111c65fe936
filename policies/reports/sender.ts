// Who may send a report about an authority: its bridge, and no one else. A
// secretariat's reader of the witness and statistics rooms takes an event
// only when it passed the trust rule (policies/trust, ARCHITECTURE.md
// decision 11) and its sender is the bridge of the authority the payload
// names — otherwise anyone in the room could speak for another authority's
// register. The bridge's account is the roster's well-known one on the
// authority's homeserver (policies/roster/bridge.ts) unless the deployment
// names another (test federations).
import { err, ok, type Result } from '../result.ts';
import type { AuthorityId } from '../roster/types.ts';

/** `bridgeOf`: each authority's bridge user ID (e.g. from bridgeUserId and the roster's homeservers). */
export function reportFromItsBridge(
	sender: string,
	authority: AuthorityId,
	bridgeOf: ReadonlyMap<AuthorityId, string>,
): Result<void, string> {
	const bridge = bridgeOf.get(authority);
	if (bridge === undefined) return err(`${authority} has no bridge in the roster: no report about it can be taken`);
	if (sender !== bridge) return err(`${sender.slice(0, 255)} is not the bridge of ${authority} (${bridge}): its report is not taken`);
	return ok(undefined);
}
