// Joins the federation file (which homeservers run here) with the roster
// (which networks and authorities exist) into what the app shell shows.
// An authority's id is its homeserver's id in the federation file.
import type { Roster } from '#policies/roster/types.ts';
import type { FederationDescription } from './federation-file.ts';
import type { AuthorityView, DeploymentView, HomeserverView, NetworkView } from './types.ts';

export function describeDeployment(roster: Roster, federation: FederationDescription): DeploymentView {
	const byId = new Map<string, HomeserverView>(federation.homeservers.map((hs) => [hs.id, hs]));
	const networks: NetworkView[] = [];
	for (const network of roster.networks) {
		const authorities: AuthorityView[] = [];
		for (const authority of roster.authorities) {
			const membership = authority.memberships.find((m) => m.network === network.id);
			const homeserver = byId.get(authority.id);
			if (membership === undefined || homeserver === undefined) continue;
			authorities.push({
				id: authority.id,
				name: authority.name,
				country: authority.country,
				observer: membership.status === 'observer',
				homeserver,
			});
		}
		if (authorities.length > 0)
			networks.push({
				id: network.id,
				name: network.name,
				...(network.names === undefined ? {} : { names: network.names }),
				region: network.region,
				authorities,
			});
	}
	const claimed = new Set<string>(roster.authorities.map((a) => a.id));
	return {
		profile: federation.profile,
		networks,
		unlisted: federation.homeservers.filter((hs) => !claimed.has(hs.id)),
		members: federation.homeservers.filter((hs) => claimed.has(hs.id)),
		homeservers: federation.homeservers,
	};
}
