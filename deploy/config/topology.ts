// From a roster and a profile to the list of local homeservers to run: one per
// authority plus the outsider (when the profile runs one), each with its address, server name, ports and
// federation whitelist. Pure: the addresses come in already allocated.
// A placement may run only some of the roster's homeservers here and name
// others that run elsewhere under a server name of their own (the local
// production run of one authority, deploy/production/local/): the ones run
// here federate with those under that name.
import { homeserverPeers } from '../../policies/network/joint-parties.ts';
import type { Roster } from '../../policies/roster/types.ts';
import type { Octets } from './addresses.ts';
import { OUTSIDER_ID, type Profile } from './profiles.ts';

export interface HomeserverPlan {
	/** Authority id, or 'outsider'. */
	readonly id: string;
	readonly address: string;
	/** IP literal with the federation port, e.g. "127.0.20.1:28448". */
	readonly serverName: string;
	readonly clientPort: number;
	readonly federationPort: number;
	/** Server names it federates with; undefined = open federation (the outsider). */
	readonly federationWhitelist: readonly string[] | undefined;
}

/** Which of the roster's homeservers a profile runs, and where the others are. */
export interface Placement {
	/** Authority id → the server name of its homeserver, run elsewhere (not here). */
	readonly elsewhere?: Readonly<Record<string, string>>;
	/** Only these authorities' homeservers run here (default: every one not elsewhere). */
	readonly only?: readonly string[];
}

export function serverNameFor(profile: Profile, octet: number): string {
	return `${profile.subnet}.${octet}:${profile.federationPort}`;
}

export function planHomeservers(roster: Roster, profile: Profile, octets: Octets, placement: Placement = {}): HomeserverPlan[] {
	const elsewhere = placement.elsewhere ?? {};
	const octetOf = (id: string): number => {
		const octet = octets[id];
		if (octet === undefined) throw new Error(`no address allocated for homeserver "${id}"`);
		return octet;
	};
	const plan = (id: string, whitelist: readonly string[] | undefined): HomeserverPlan => ({
		id,
		address: `${profile.subnet}.${octetOf(id)}`,
		serverName: serverNameFor(profile, octetOf(id)),
		clientPort: profile.clientPort,
		federationPort: profile.federationPort,
		federationWhitelist: whitelist,
	});
	const nameOf = (id: string): string => elsewhere[id] ?? serverNameFor(profile, octetOf(id));
	const here = roster.authorities.filter((a) => !Object.hasOwn(elsewhere, a.id) && (placement.only?.includes(a.id) ?? true));
	const members = here.map((authority) => plan(authority.id, homeserverPeers(roster, authority.id).map(nameOf)));
	return profile.outsider ? [...members, plan(OUTSIDER_ID, undefined)] : members;
}
