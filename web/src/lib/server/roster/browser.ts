// What the browser is given of the roster, through the signed-in pages'
// load (routes/(signed-in)/+layout.server.ts): the networks, the
// authorities on Rogatory and the links between them, which the fold and
// the case pages need. Never the people: who works at an authority and in
// which role stays on the server, and the roster is not in the bundle.
import type { Deployment } from '#policies/roster/file/index.ts';
import type { Roster } from '#policies/roster/types.ts';

export function browserRoster(deployment: Deployment): Roster {
	const { networks, authorities, crossNetworkLinks } = deployment.runtime;
	return { networks, authorities, crossNetworkLinks, people: [] };
}

/** Which roster the server runs, for the federation page: its version and SHA-256. */
export interface RosterIdentity {
	readonly version: number;
	readonly sha256: string;
}

export const rosterIdentity = ({ roster }: Deployment): RosterIdentity => ({ version: roster.version, sha256: roster.sha256 });
