// The one door of the web app to the directory's pure core
// (policies/directory/, its vCard module, and the directory room's keeper):
// every web module imports the directory core from here.
import type { NetworkId } from '#policies/roster/types.ts';
import { directoryAliasLocalpart } from '#policies/directory/room/index.ts';

export {
	attendeeKey,
	attendeeList,
	authorityName,
	buildDirectoryAsk,
	buildDirectoryContent,
	departedAccounts,
	DIRECTORY_KEY,
	findCompetent,
	foldDirectory,
	isContactRestricted,
	isEditorOf,
	isTimeZone,
	parseDirectoryContent,
	pickText,
	reachability,
	reachableNow,
	searchDirectory,
	type AttendeeCounts,
	type AttendeeRow,
	splitContact,
	type DirectoryArrival,
	type DirectoryHit,
	type DirectoryQuery,
	type DirectoryView,
	type FinderResult,
	type MembershipFact,
	type PersonHit,
	type RankedContact,
	type Reachability,
} from '#policies/directory/index.ts';
export { parseVcards, serializeVcards, type CardRefusal, type ParsedCard } from '#policies/directory/vcard/index.ts';
export { directoryAlias, directoryKeeper, pointsAlias } from '#policies/directory/room/index.ts';

/** What every directory room's alias begins with (the network's id follows). */
export const DIRECTORY_ALIAS_PREFIX = `#${directoryAliasLocalpart('' as NetworkId)}`;
