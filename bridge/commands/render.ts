// Writes a command's reply as plain text in the room's language: what the bot
// sends as the body of an m.notice. Case vocabulary (statuses, kinds, sides)
// comes from policies/cases' label book, the replies' own phrases from
// i18n.ts. Dates are the authority's legal time zone's, and say so. A
// party's text (a title, a reference) is written on one line, isolated, and
// flagged when it carries direction controls (partyText). Pure.
import { labelOf, type LabelBook } from '../../policies/cases/index.ts';
import { hasBidiControls, isolated } from '../../policies/text/bidi.ts';
import type { Language, Roster } from '../../policies/roster/types.ts';
import type { DeadlinesReply, HelpReply, Reply, StatusReply, TrustReply } from './executors.ts';
import { days, phrase } from './i18n.ts';
import { ALIASES, PREFIX } from './parse.ts';

export interface RenderOptions {
	readonly language: Language;
	/** IANA time zone of the bot's authority's legal seat. */
	readonly timeZone: string;
	/** For the authorities' names. */
	readonly roster: Roster;
	/** The case labels, with the case's own workflow's statuses (withWorkflow). */
	readonly book: LabelBook;
}

/** `at` as YYYY-MM-DD HH:MM in `timeZone`, with the zone named. */
export function localTime(at: number, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(at);
	const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} (${timeZone})`;
}

// eslint-disable-next-line no-control-regex -- the line and paragraph separators are what is looked for
const LINE_BREAKS = /[\r\n\u000B\u000C\u001C-\u001E\u0085\u2028\u2029]+/g;

/**
 * A party's text inside a line of the reply: its line breaks become spaces (a
 * title cannot add lines that look like the bot's own, "Status: Closed"), it
 * is isolated (FSI…PDI, so its direction cannot reorder the line), and it is
 * flagged when it carries direction controls.
 */
export function partyText(text: string, language: Language): string {
	const line = isolated(text.replace(LINE_BREAKS, ' '));
	return hasBidiControls(text) ? `${line} ${phrase('hiddenControls', language)}` : line;
}

function status(reply: StatusReply, o: RenderOptions): string[] {
	const { language } = o;
	if (!reply.opened)
		return [phrase('statusTitle', language), phrase('unopened', language), phrase('rejected', language, { count: reply.rejected })];
	const nameOf = (id: string): string => o.roster.authorities.find((a) => a.id === id)?.name ?? id;
	const statusLabel = (id: string): string => labelOf(o.book.statuses, id, language);
	const party = (side: 'requesting' | 'requested'): string => {
		const reference = reply.references[side];
		const name = nameOf(reply.parties[side]);
		return phrase('party', language, {
			side: labelOf(o.book.sides, side, language),
			name: reference === undefined ? name : `${name}, ${phrase('reference', language, { reference: partyText(reference, language) })}`,
		});
	};
	const conflict = reply.openConflict;
	return [
		phrase('statusTitle', language),
		phrase('title', language, { title: partyText(reply.title, language) }),
		phrase('kind', language, { kind: labelOf(o.book.kinds, reply.kind, language) }),
		party('requesting'),
		party('requested'),
		phrase('status', language, { status: statusLabel(reply.status) }),
		phrase('lastChange', language, { when: localTime(reply.lastChange, o.timeZone) }),
		conflict === undefined
			? phrase('noConflict', language)
			: phrase('conflict', language, {
					status: statusLabel(conflict.status),
					targets: conflict.targets.map((t) => `“${statusLabel(t)}”`).join(` ${phrase('or', language)} `),
				}),
		phrase('rejected', language, { count: reply.rejected }),
	];
}

function deadlines(reply: DeadlinesReply, o: RenderOptions): string[] {
	const { language } = o;
	if (reply.deadlines.length === 0) return [phrase('noDeadlines', language)];
	return [
		phrase('deadlinesTitle', language, { zone: o.timeZone }),
		...reply.deadlines.map((d) => {
			const left =
				d.daysLeft === 0
					? phrase('dueToday', language)
					: d.daysLeft > 0
						? phrase('daysLeft', language, { days: days(d.daysLeft, language) })
						: phrase('overdue', language, { days: days(-d.daysLeft, language) });
			return `- ${phrase(`deadline.${d.kind}`, language)} ${d.date}: ${left}`;
		}),
	];
}

function help(reply: HelpReply, o: RenderOptions): string[] {
	const { language } = o;
	return [
		...(reply.unknown === undefined ? [] : [phrase('unknown', language, { word: reply.unknown })]),
		phrase('helpTitle', language),
		...reply.commands.map((name) => {
			const alias = ALIASES[language][name];
			return `${PREFIX} ${name}${alias === name ? '' : ` (${alias})`} — ${phrase(`help.${name}`, language)}`;
		}),
		phrase('helpRoster', language, { version: reply.roster.version, sha256: reply.roster.sha256 }),
	];
}

function trust(reply: TrustReply, o: RenderOptions): string[] {
	switch (reply.outcome) {
		case 'approved':
			return [phrase('trustApproved', o.language, { user: reply.user, when: localTime(reply.since, o.timeZone) })];
		case 'nothing':
			return [phrase('trustNothing', o.language, { user: reply.user })];
		case 'no-user':
			return [phrase('trustNoUser', o.language)];
		case 'not-allowed':
			return [phrase('trustNotAllowed', o.language)];
	}
}

function linesOf(reply: Reply, options: RenderOptions): string[] {
	switch (reply.command) {
		case 'status':
			return status(reply, options);
		case 'deadlines':
			return deadlines(reply, options);
		case 'help':
			return help(reply, options);
		case 'trust':
			return trust(reply, options);
	}
}

export function renderReply(reply: Reply, options: RenderOptions): string {
	return linesOf(reply, options).join('\n');
}
