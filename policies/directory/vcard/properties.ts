// The properties a person entry is written as, in the one canonical order the
// serializer prints and jCard mirrors: what export writes, import reads back
// to the same entry. Each property carries both its vCard text (escaped) and
// its jCard form (RFC 7095: value type, and for the X-ROGATORY-… properties,
// whose type no reader knows, "unknown" with the text as written).
import type { PersonEntry } from '../types.ts';
import { matrixUriOfUserId } from './matrix-uri.ts';
import { escapeText } from './text.ts';

export const PRODID = '-//Rogatory//Directory 1//EN';

export interface CardProperty {
	/** Upper case, as written in the vCard. */
	readonly name: string;
	/** Parameters other than VALUE, names upper case. */
	readonly params: readonly (readonly [string, string])[];
	/** The value type, for jCard; in the vCard as VALUE=… only when `typed`. */
	readonly type: 'text' | 'uri' | 'language-tag' | 'unknown';
	readonly typed: boolean;
	/** The value as written in the vCard: escaped where the type is text. */
	readonly value: string;
	/** The value as jCard gives it: unescaped text, a URI, or the written text of an unknown type. */
	readonly json: string;
}

const text = (name: string, value: string, typed = false): CardProperty => ({
	name,
	params: [],
	type: 'text',
	typed,
	value: escapeText(value),
	json: value,
});
const unknown = (name: string, value: string): CardProperty => ({ name, params: [], type: 'unknown', typed: false, value, json: value });

export function cardProperties(entry: PersonEntry): CardProperty[] {
	const { hours } = entry;
	return [
		text('VERSION', '4.0'),
		text('PRODID', PRODID),
		// NOTE: UID's default type is a URI (RFC 6350 §6.7.6); ids are Matrix IDs or free text, so VALUE=text.
		text('UID', entry.id, true),
		text('FN', entry.name),
		...(entry.latinName === undefined ? [] : [unknown('X-ROGATORY-LATIN-NAME', escapeText(entry.latinName))]),
		text('ORG', entry.authority),
		...(entry.title === undefined ? [] : [text('TITLE', entry.title)]),
		...entry.roles.map((role) => text('ROLE', role)),
		...entry.languages.map((tag, i): CardProperty => ({
			name: 'LANG',
			params: [['PREF', String(i + 1)]],
			type: 'language-tag',
			typed: false,
			value: tag,
			json: tag,
		})),
		...(hours === undefined
			? []
			: [text('TZ', hours.timeZone), unknown('X-ROGATORY-HOURS', `${hours.days.join(',')};${hours.from};${hours.to}`)]),
		...(entry.phone === undefined ? [] : [text('TEL', entry.phone)]),
		...(entry.email === undefined ? [] : [text('EMAIL', entry.email)]),
		...(entry.matrixId === undefined
			? []
			: [
					((uri: string): CardProperty => ({ name: 'IMPP', params: [], type: 'uri', typed: false, value: uri, json: uri }))(
						matrixUriOfUserId(entry.matrixId),
					),
				]),
		...entry.rota.map((period) => unknown('X-ROGATORY-ROTA', `${period.from}/${period.to}`)),
	];
}
