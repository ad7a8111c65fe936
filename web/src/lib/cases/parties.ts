// The server → authority map the fold needs: the roster's production
// homeservers, and those of this deployment's federation file (whose server
// names, locally, are IP literals) for the authorities the roster lists. The
// roster is the one the web server loaded, as its signed-in pages hand it to
// the browser (lib/server/roster/browser.ts: no people).
import { serversFromRoster } from '#policies/cases/index.ts';
import type { Roster } from '#policies/roster/types.ts';
import type { CaseParties } from './case-rooms.svelte.ts';

export interface PartyServer {
	readonly id: string;
	readonly serverName: string;
}

export function casePartiesOf(deployed: readonly PartyServer[], roster: Roster): CaseParties {
	const servers = new Map(serversFromRoster(roster));
	const homeservers = new Map(roster.authorities.map((a) => [a.id, a.homeserver]));
	for (const { id, serverName } of deployed) {
		const authority = roster.authorities.find((a) => a.id === id);
		if (authority === undefined) continue;
		servers.set(serverName, authority.id);
		homeservers.set(authority.id, serverName);
	}
	return { roster, servers, homeservers };
}
