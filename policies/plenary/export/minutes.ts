// The minutes of a plenary as one Markdown document, in one of its languages:
// the plenary's particulars, agenda, participants, each decision with its
// attributable tally and quorum, the minutes text and the documents' titles.
// Every reader who folded the same events writes the same bytes (so the
// SHA-256 two members compute of it matches): nothing here depends on the
// machine — no Intl, no locale-dependent sorting or formatting, no clock;
// dates stay as written (YYYY-MM-DD), countries as their ISO codes, lists in
// the fold's code-unit order; line endings are LF and the text is UTF-8.
// NOTE: policies/ stays pure and hashes nothing (the roster loader has its
// caller hash too, roster/file/deployment.ts): the caller hashes `bytes`
// with WebCrypto or node:crypto.
import { err, ok, type Result } from '../../result.ts';
import { labelOf } from '../../cases/i18n/labels.ts';
import type { Language } from '../../roster/types.ts';
import {
	CHOICE_LABELS,
	DECISION_RESULT_LABELS,
	MINUTES_LABELS,
	PLENARY_LEVEL_LABELS,
	VOTES_NOT_SECRET,
	type MinutesHeading,
} from '../i18n/labels.ts';
import { CHOICES, type Decision } from '../polls/types.ts';
import type { PlenaryRecord } from '../types.ts';

export type MinutesRefusal =
	| { readonly kind: 'no-minutes' }
	| { readonly kind: 'language-not-of-plenary'; readonly language: Language; readonly languages: readonly Language[] }
	| { readonly kind: 'no-minutes-text'; readonly language: Language };

export interface MinutesDocument {
	readonly language: Language;
	/** The Markdown text, LF line endings, ending with one newline. */
	readonly text: string;
	/** `text` in UTF-8: what is pinned, downloaded and hashed (SHA-256, by the caller). */
	readonly bytes: Uint8Array;
	/** e.g. "refco-2026-1-minutes-es.md". */
	readonly filename: string;
	readonly mediaType: 'text/markdown; charset=utf-8';
}

/** LF line endings, whatever the sender's system wrote. */
const lf = (text: string): string => text.replace(/\r\n?/g, '\n');

function decisionLines(d: Decision, index: number, title: string, say: (h: MinutesHeading) => string, language: Language): string[] {
	const choices = CHOICES.filter((c) => c !== 'abstain' || d.link.answers.abstain !== undefined);
	const who = (ballots: Decision['ballots']) => ballots.map((b) => `${b.sender} (${b.authority})`).join(', ');
	const lines = [
		`### ${index + 1}. ${title}`,
		'',
		lf(d.question),
		'',
		`- ${say('result')}: ${labelOf(DECISION_RESULT_LABELS, d.result, language)}`,
		`- ${say('quorum')}: ${d.answering} / ${d.link.quorum}`,
		...choices.map((c) => {
			const ballots = d.ballots.filter((b) => b.choice === c);
			return `- ${labelOf(CHOICE_LABELS, c, language)}: ${ballots.length}${ballots.length > 0 ? ` — ${who(ballots)}` : ''}`;
		}),
	];
	const none = d.ballots.filter((b) => b.choice === undefined);
	if (none.length > 0) lines.push(`- ${say('no-answer')}: ${none.length} — ${who(none)}`);
	return [...lines, ''];
}

/** The minutes of `record` in `language`, or why there are none to export. */
export function renderMinutes(record: PlenaryRecord, language: Language): Result<MinutesDocument, MinutesRefusal> {
	const p = record.plenary;
	if (record.minutes === undefined) return err({ kind: 'no-minutes' });
	if (!p.languages.includes(language)) return err({ kind: 'language-not-of-plenary', language, languages: p.languages });
	const proceedings = record.minutes.text[language];
	if (proceedings === undefined) return err({ kind: 'no-minutes-text', language });
	const say = (h: MinutesHeading) => MINUTES_LABELS[h][language];
	// NOTE: titles are given in every language of the plenary (the parser checks it); the id is a last resort.
	const titled = (texts: Partial<Record<Language, string>>, fallback: string) => texts[language] ?? fallback;
	const items = new Map(p.agenda.map((item) => [item.id, titled(item.title, item.id)]));

	const lines = [
		`# ${say('minutes')}: ${titled(p.title, p.id)}`,
		'',
		`- ${say('plenary')}: ${p.id}`,
		`- ${say('host')}: ${p.host}`,
		`- ${say('dates')}: ${p.start} – ${p.end}`,
		`- ${say('level')}: ${labelOf(PLENARY_LEVEL_LABELS, p.level, language)}`,
		`- ${say('languages')}: ${p.languages.join(', ')}`,
		...(p.cancelled ? ['', `**${say('cancelled')}**`] : []),
		'',
		`## ${say('agenda')}`,
		'',
		...(p.agenda.length === 0 ? ['—'] : p.agenda.map((item, i) => `${i + 1}. ${titled(item.title, item.id)}`)),
		'',
		`## ${say('participants')}`,
		'',
		...(record.participants.length === 0
			? [say('no-participants')]
			: record.participants.map((group) => `- ${group.authority}: ${group.people.join(', ')}`)),
		'',
		`## ${say('decisions')}`,
		'',
		VOTES_NOT_SECRET[language],
		'',
		...(record.decisions.length === 0
			? [say('no-decisions'), '']
			: record.decisions.flatMap((d, i) => decisionLines(d, i, items.get(d.link.item) ?? d.link.item, say, language))),
		`## ${say('proceedings')}`,
		'',
		lf(proceedings).trimEnd(),
		'',
		...(p.documents.length === 0 ? [] : [`## ${say('documents')}`, '', ...p.documents.map((doc) => `- ${doc.title}`), '']),
	];
	const text = `${lines.join('\n').trimEnd()}\n`;
	return ok({
		language,
		text,
		bytes: new TextEncoder().encode(text),
		filename: `${p.id}-minutes-${language}.md`,
		mediaType: 'text/markdown; charset=utf-8',
	});
}
