// Recognises a chat command in a room message: a body whose first word is
// `!rogatory` (canonical), then a command word in any of the five languages.
// Pure. What is not a command — the bot's own messages, notices (the spec
// says automated clients must never answer an m.notice, so two bots cannot
// loop), case events, edits — reads as undefined.
import { isUserId } from '../../policies/cases/index.ts';
import type { Language } from '../../policies/roster/types.ts';

export const PREFIX = '!rogatory';

export type CommandName = 'status' | 'deadlines' | 'help' | 'trust';

export const COMMAND_NAMES: readonly CommandName[] = ['status', 'deadlines', 'help', 'trust'];

/** The command words each language accepts beside the canonical English ones. */
export const ALIASES: Readonly<Record<Language, Readonly<Record<CommandName, string>>>> = {
	en: { status: 'status', deadlines: 'deadlines', help: 'help', trust: 'trust' },
	es: { status: 'estado', deadlines: 'plazos', help: 'ayuda', trust: 'aprobar' },
	fr: { status: 'statut', deadlines: 'délais', help: 'aide', trust: 'approuver' },
	pt: { status: 'estado', deadlines: 'prazos', help: 'ajuda', trust: 'aprovar' },
	ru: { status: 'статус', deadlines: 'сроки', help: 'помощь', trust: 'одобрить' },
};

/**
 * What the user asked: a known command, `trust` with the Matrix ID whose new
 * identity they approve (undefined when they named none), or `unknown` with
 * the word they typed.
 */
export type Request =
	| { readonly name: Exclude<CommandName, 'trust'> }
	| { readonly name: 'trust'; readonly user: string | undefined }
	| { readonly name: 'unknown'; readonly word: string };

const record = (value: unknown): Readonly<Record<string, unknown>> | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const WORDS: ReadonlyMap<string, CommandName> = new Map(
	Object.values(ALIASES).flatMap((names) => COMMAND_NAMES.map((name) => [fold(names[name]), name] as const)),
);

/** The command line of a message body, or undefined when the body is no command. */
export function readCommandLine(body: string): Request | undefined {
	const words = (body.split('\n')[0] ?? '').trim().split(/\s+/u);
	if (fold(words[0] ?? '') !== PREFIX) return undefined;
	const word = words[1];
	if (word === undefined || word === '') return { name: 'help' };
	const name = WORDS.get(fold(word));
	if (name === undefined) return { name: 'unknown', word: word.slice(0, 40) };
	if (name !== 'trust') return { name };
	const user = words[2];
	return { name, user: user !== undefined && isUserId(user) ? user : undefined };
}

/** The command in a decrypted m.room.message content, sent by `sender`; undefined when it is none. */
export function commandIn(content: unknown, sender: string, self: string): Request | undefined {
	const c = record(content);
	if (c === undefined || sender === self) return undefined;
	if (c['msgtype'] !== 'm.text' || typeof c['body'] !== 'string') return undefined;
	// A case event's body is for people; an edit (m.new_content) or any other relation is not a new command.
	if ('org.rogatory.case' in c || 'm.new_content' in c || 'm.relates_to' in c) return undefined;
	return readCommandLine(c['body']);
}
