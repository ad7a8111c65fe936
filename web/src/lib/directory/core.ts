// The one door of the web app to the directory's pure core
// (policies/directory/, its vCard module, and the directory room's keeper):
// every web module imports the directory core from here.
// TEMP: the keeper and the alias below stand in for
// policies/directory/room/keeper.ts (the bridge's branch, same names and
// shapes); once it lands they become re-exports too.
import type { AuthorityId, NetworkId, Roster } from '#policies/roster/types.ts';

export {
	authorityName,
	buildDirectoryContent,
	DIRECTORY_KEY,
	findCompetent,
	foldDirectory,
	isEditorOf,
	isTimeZone,
	parseDirectoryContent,
	pickText,
	reachability,
	reachableNow,
	searchDirectory,
	type DirectoryArrival,
	type DirectoryHit,
	type DirectoryQuery,
	type DirectoryView,
	type FinderResult,
	type PersonHit,
	type RankedContact,
	type Reachability,
} from '#policies/directory/index.ts';
export { parseVcards, serializeVcards, type CardRefusal, type ParsedCard } from '#policies/directory/vcard/index.ts';

/** TEMP (policies/directory/room/keeper.ts): the network's first member authority with a homeserver, in roster order. */
export function directoryKeeper(roster: Roster, network: NetworkId): AuthorityId | undefined {
	return roster.authorities.find((a) => a.homeserver !== '' && a.memberships.some((m) => m.network === network && m.status === 'member'))
		?.id;
}

/** TEMP (policies/directory/room/keeper.ts): the alias's localpart, e.g. `rogatory-directory-refco`. */
export function directoryAliasLocalpart(network: NetworkId): string {
	return `rogatory-directory-${network.toLowerCase()}`;
}

/** TEMP (policies/directory/room/keeper.ts): the full alias on the keeper's server. */
export function directoryAlias(network: NetworkId, keeperServer: string): string {
	return `#${directoryAliasLocalpart(network)}:${keeperServer}`;
}

/** What every directory room's alias begins with (the network's id follows). */
export const DIRECTORY_ALIAS_PREFIX = `#${directoryAliasLocalpart('' as NetworkId)}`;
