// The public face of policies/directory (issue 12, docs/directory.md): what
// web/ and bridge/ import. Each name is defined in the module named beside it;
// read those for the why.
export type * from './types.ts';
export { AUTHORITY_KINDS, CHANNEL_KINDS, CONTACT_VISIBILITIES, DIRECTORY_ROLES, MEASURES } from './types.ts';

export { DIRECTORY_EVENT_TYPES, DIRECTORY_KEY, DIRECTORY_LIMITS, DIRECTORY_VERSION } from './events/namespace.ts';
export { buildDirectoryContent, directoryBody } from './events/build.ts';
export { buildDirectoryAsk, DIRECTORY_ASK_KEY, isDirectoryAsk } from './events/ask.ts';
export { parseDirectoryContent } from './events/parse.ts';
export { isTimeZone } from './events/values.ts';

export { foldDirectory, type DirectoryArrival, type DirectoryFoldInput } from './fold/fold.ts';
export { editorsOf, isEditorOf } from './fold/editors.ts';
export { isContactRestricted, splitContact, withContact } from './fold/contacts.ts';
export { accountOf, departedAccounts, type MembershipFact } from './fold/departures.ts';

export {
	DIRECTORY_ROOM_VERSION,
	EDITOR_ROLES,
	directoryAlias,
	directoryAliasLocalpart,
	directoryEditors,
	directoryKeeper,
	directoryRoomRequest,
	networkAuthorities,
	networksOf,
	type DirectoryRoomRequest,
	type DirectoryRoomServers,
	POINTS_ROOM_BRIDGE_POWER,
	points247Of,
	pointsAlias,
	pointsAliasLocalpart,
	pointsRoomRequest,
	type PointsRoomRequest,
} from './room/index.ts';

export { localClock, reachability, reachableNow, REACHABILITIES, type Reachability } from './reach/reach.ts';

export { authorityName, compareHits, isPoint247, searchDirectory } from './search/search.ts';
export { findCompetent, handlesOffence } from './search/finder.ts';
export { foldForSearch, languageMatches, matchesText, pickText, speaks } from './search/texts.ts';
export type * from './search/types.ts';

export {
	attendeeKey,
	attendeeList,
	type AttendeeCounts,
	type AttendeeInput,
	type AttendeeList,
	type AttendeeRow,
	type ExchangeTrust,
} from './exchange/attendees.ts';

export {
	AUTHORITY_KIND_LABELS,
	CHANNEL_KIND_LABELS,
	DIRECTORY_ROLE_LABELS,
	DOCUMENT_KIND_LABELS,
	MEASURE_LABELS,
	REACHABILITY_LABELS,
} from './i18n/labels.ts';
