// What integration tests know of the running federation: the serialisable
// description that deploy/local writes to .data/<profile>/federation.json.
import type { LocalHomeserver, ProfileName } from '../../deploy/local/federation.ts';

export interface FederationInfo {
	readonly profile: ProfileName;
	readonly caCertPath: string;
	readonly homeservers: readonly LocalHomeserver[];
}

declare module 'vitest' {
	export interface ProvidedContext {
		federation: FederationInfo;
	}
}

/** The homeserver with this id; a missing one is a broken test set-up. */
export function homeserverOf(info: FederationInfo, id: string): LocalHomeserver {
	const hs = info.homeservers.find((h) => h.id === id);
	if (hs === undefined)
		throw new Error(`no homeserver "${id}" in the ${info.profile} federation (have: ${info.homeservers.map((h) => h.id).join(', ')})`);
	return hs;
}
