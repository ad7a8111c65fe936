// The homeservers the proxy passes requests to: the deployment's member
// homeservers (the roster's authorities' homeservers, at the client URLs
// the federation file gives), by server name — the same list the sign-in
// page offers and the server's own session checks use. A homeserver the
// roster does not claim (the outsider) is not among them. The federation
// file is read again when it changes (its modification time), so a
// federation restarted on other ports is followed without restarting the
// web server; when it cannot be read there are no members, and the proxy
// refuses everything.
import { readFileSync, statSync } from 'node:fs';
import type { Roster } from '#policies/roster/types.ts';
import { describeDeployment } from '../src/lib/deployment/describe.ts';
import { parseFederation } from '../src/lib/deployment/federation-file.ts';

export type Members = () => ReadonlyMap<string, string>;

/** The member homeservers' client URLs by server name, from federation-file text. */
export function membersFrom(roster: Roster, federationText: string): ReadonlyMap<string, string> {
	const federation = parseFederation(federationText);
	if (!federation.ok) return new Map();
	return new Map(describeDeployment(roster, federation.value).members.map((hs) => [hs.serverName, hs.clientUrl]));
}

export function federationMembers(roster: Roster, federationFile: string | undefined): Members {
	let seen: { readonly mtimeMs: number; readonly size: number; readonly members: ReadonlyMap<string, string> } | undefined;
	const none: ReadonlyMap<string, string> = new Map();
	return () => {
		if (federationFile === undefined) return none;
		try {
			const stat = statSync(federationFile);
			if (seen?.mtimeMs === stat.mtimeMs && seen.size === stat.size) return seen.members;
			seen = { mtimeMs: stat.mtimeMs, size: stat.size, members: membersFrom(roster, readFileSync(federationFile, 'utf8')) };
			return seen.members;
		} catch {
			seen = undefined;
			return none;
		}
	};
}
