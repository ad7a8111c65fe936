// The secretariat's "Announce a plenary" form as plain data, and what it
// becomes: a plenary payload checked by the policies' own parser (so the page
// never sends what a reader would refuse), or the fields at fault, each with
// a code the page words in the reader's language. Also the decision and the
// minutes forms' payloads. Pure: no Svelte, no SDK.
import { buildDecisionPoll, buildPlenaryContent, CHOICE_LABELS, type Plenary, type PlenaryPayload } from '#policies/plenary/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import type { EventId } from '#policies/cases/ids/matrix.ts';
import type { Language, NetworkId } from '#policies/roster/types.ts';
import { isIsoDate } from '#policies/text/iso-date.ts';

export interface AgendaDraft {
	/** Title per language of the plenary. */
	titles: Partial<Record<Language, string>>;
}

export interface AnnounceDraft {
	host: string;
	start: string;
	end: string;
	level: 'expert' | 'ministerial';
	languages: Language[];
	titles: Partial<Record<Language, string>>;
	agenda: AgendaDraft[];
}

export const emptyAgendaItem = (): AgendaDraft => ({ titles: {} });

export function emptyAnnounce(languages: readonly Language[]): AnnounceDraft {
	return { host: '', start: '', end: '', level: 'expert', languages: [...languages], titles: {}, agenda: [emptyAgendaItem()] };
}

/** A field of the form: `title.es`, `agenda.2.en`, `host`… */
export type AnnounceField = string;
export type AnnounceProblemCode = 'required' | 'country' | 'date' | 'end-before-start' | 'languages' | 'agenda' | 'too-long' | 'refused';

export interface AnnounceProblem {
	readonly field: AnnounceField;
	readonly code: AnnounceProblemCode;
}

const TITLE_MAX = 300;

/**
 * The plenary id: the network and the first day, e.g. `refco-2026-11-03`
 * (lower case, as every other payload names it). Two plenaries of one
 * network do not open on the same day; an update of one keeps its id.
 */
export const plenaryIdOf = (network: NetworkId, start: string): string => `${network.toLowerCase()}-${start}`;

/** The form read into a plenary, or every problem in it (in the form's order). */
export function readAnnounce(network: NetworkId, draft: AnnounceDraft): Result<Plenary, AnnounceProblem[]> {
	const problems: AnnounceProblem[] = [];
	const host = draft.host.trim().toUpperCase();
	if (host === '') problems.push({ field: 'host', code: 'required' });
	else if (!/^[A-Z]{2}$/.test(host)) problems.push({ field: 'host', code: 'country' });
	const start = draft.start.trim();
	const end = draft.end.trim();
	if (!isIsoDate(start)) problems.push({ field: 'start', code: start === '' ? 'required' : 'date' });
	if (!isIsoDate(end)) problems.push({ field: 'end', code: end === '' ? 'required' : 'date' });
	else if (isIsoDate(start) && end < start) problems.push({ field: 'end', code: 'end-before-start' });
	const languages = draft.languages;
	if (languages.length === 0) problems.push({ field: 'languages', code: 'languages' });
	const texts = (field: string, given: Partial<Record<Language, string>>): Partial<Record<Language, string>> => {
		const out: Partial<Record<Language, string>> = {};
		for (const language of languages) {
			const text = (given[language] ?? '').replace(/\s+/g, ' ').trim();
			if (text === '') problems.push({ field: `${field}.${language}`, code: 'required' });
			else if (text.length > TITLE_MAX) problems.push({ field: `${field}.${language}`, code: 'too-long' });
			else out[language] = text;
		}
		return out;
	};
	const title = texts('title', draft.titles);
	if (draft.agenda.length === 0) problems.push({ field: 'agenda', code: 'agenda' });
	const agenda = draft.agenda.map((item, i) => ({ id: `item-${i + 1}`, title: texts(`agenda.${i}`, item.titles) }));
	if (problems.length > 0) return err(problems);
	const plenary: Plenary = {
		id: plenaryIdOf(network, start),
		host: host as Plenary['host'],
		start,
		end,
		level: draft.level,
		title,
		languages,
		agenda,
		documents: [],
		cancelled: false,
	};
	// NOTE: the parser is the last word: what it refuses is not sent.
	const built = buildPlenaryContent({ type: 'plenary', plenary });
	return built.ok ? ok(plenary) : err([{ field: 'form', code: 'refused' }]);
}

/** The content of a decision poll on one agenda item, its answers worded in the plenary's first language. */
export function decisionContent(
	plenary: Plenary,
	item: string,
	question: string,
	quorum: number,
): Result<Record<string, unknown>, 'question' | 'quorum' | 'refused'> {
	const text = question.trim();
	if (text === '' || text.length > 1_000) return err('question');
	if (!Number.isInteger(quorum) || quorum < 1 || quorum > 1_000) return err('quorum');
	const language = plenary.languages[0] ?? 'en';
	const built = buildDecisionPoll({
		plenary: plenary.id,
		item,
		quorum,
		question: text,
		answers: { for: CHOICE_LABELS.for[language], against: CHOICE_LABELS.against[language], abstain: CHOICE_LABELS.abstain[language] },
	});
	return built.ok ? ok(built.value) : err('refused');
}

/** The minutes payload: the text per language of the plenary (each required) and every decision taken. */
export function minutesPayload(
	plenary: Plenary,
	text: Partial<Record<Language, string>>,
	decisions: readonly string[],
): Result<PlenaryPayload, { readonly field: string; readonly code: 'required' | 'refused' }[]> {
	const missing = plenary.languages.filter((language) => (text[language] ?? '').trim() === '');
	if (missing.length > 0) return err(missing.map((language) => ({ field: `minutes.${language}`, code: 'required' as const })));
	const texts: Partial<Record<Language, string>> = {};
	for (const language of plenary.languages) texts[language] = (text[language] ?? '').trim();
	// NOTE: the IDs are the fold's own (Decision.poll); the parser checks them again below.
	const payload: PlenaryPayload = { type: 'minutes', plenary: plenary.id, text: texts, decisions: decisions as readonly EventId[] };
	return buildPlenaryContent(payload).ok ? ok(payload) : err([{ field: 'form', code: 'refused' }]);
}
