// The room's language: the one the bot answers commands in. A case room
// speaks the language of the authority that opened the request (the first of
// its roster languages): its members chose that authority's language when
// they opened it, every reply reads the same whoever asks, and both parties'
// bridges would pick the same one. Before a request is opened, the bot's own
// authority's language. Pure.
import type { CaseRecord } from '../../policies/cases/index.ts';
import type { AuthorityId, Language, Roster } from '../../policies/roster/types.ts';

const firstLanguage = (roster: Roster, authority: AuthorityId): Language | undefined =>
	roster.authorities.find((a) => a.id === authority)?.languages[0];

export function roomLanguage(record: CaseRecord, roster: Roster, bot: AuthorityId): Language {
	const opener = record.opened ? record.parties[record.openedBy.side] : undefined;
	return (opener === undefined ? undefined : firstLanguage(roster, opener)) ?? firstLanguage(roster, bot) ?? 'en';
}
