import { describe, expect, it } from 'vitest';
import { DIRECTORY_ROLES } from '#policies/directory/types.ts';
import { reasonText, type VcardReason, type VcardReasonKind } from '#policies/directory/vcard/index.ts';
import { LANGUAGES } from '#policies/roster/types.ts';
import { cardRefusalText, vcardReasonText } from './vcard-reason-text.ts';

/** Every reason, every variant of each (the record makes a new kind fail to compile until it is here). */
const REASONS: Readonly<Record<VcardReasonKind, readonly VcardReason[]>> = {
	syntax: (['no-colon', 'bad-name', 'bad-parameter-name', 'unclosed-quote', 'stray-quote', 'after-quote'] as const).map((problem) => ({
		kind: 'syntax',
		problem,
		text: 'FN Ana López',
		parameter: 'TYPE',
	})),
	outside: [
		{ kind: 'outside', where: 'before', text: 'hello' },
		{ kind: 'outside', where: 'after', text: '-- ' },
	],
	'begin-not-vcard': [{ kind: 'begin-not-vcard', value: 'VCALENDAR' }],
	'end-not-vcard': [{ kind: 'end-not-vcard', value: 'VCALENDAR' }],
	nested: [{ kind: 'nested', value: 'VCARD', began: 1 }],
	'no-end': [{ kind: 'no-end' }],
	'version-missing': [{ kind: 'version-missing' }],
	'version-not-4': [{ kind: 'version-not-4', version: '3.0' }],
	'bad-pref': [{ kind: 'bad-pref', property: 'LANG', value: '0' }],
	repeated: [{ kind: 'repeated', property: 'UID', first: 3 }],
	'name-missing': [{ kind: 'name-missing' }],
	'name-empty': [{ kind: 'name-empty' }],
	'id-missing': [{ kind: 'id-missing' }],
	'id-empty': [{ kind: 'id-empty' }],
	'authority-unknown': [
		{ kind: 'authority-unknown', property: 'ORG', value: 'xx-nowhere' },
		{ kind: 'authority-unknown', property: 'X-ROGATORY-AUTHORITY', value: 'xx-nowhere' },
	],
	'authority-conflict': [{ kind: 'authority-conflict', org: 'gt-mp', named: 'sv-fgr' }],
	'authority-missing': [{ kind: 'authority-missing', example: 'gt-mp' }],
	'org-not-authority-id': [{ kind: 'org-not-authority-id', value: 'Ministerio Público', example: 'gt-mp' }],
	role: [{ kind: 'role', value: 'juez' }],
	language: [{ kind: 'language', value: 'en_GB' }],
	'tz-offset': [{ kind: 'tz-offset', value: '-06:00' }],
	'tz-unknown': [{ kind: 'tz-unknown', detail: 'detail-for-the-cli' }],
	'hours-need-tz': [{ kind: 'hours-need-tz' }],
	hours: (['parts', 'days', 'day-twice', 'times', 'order'] as const).map((problem) => ({ kind: 'hours', value: '1;22:00;06:00', problem })),
	rota: [
		{ kind: 'rota', value: '2026-12-01T08:00Z', problem: 'parts' },
		{ kind: 'rota', value: '2026-12-01T08:00/2026-12-02T08:00Z', problem: 'instant', detail: 'detail-for-the-cli' },
		{ kind: 'rota', value: '2026-12-02T08:00Z/2026-12-01T08:00Z', problem: 'order' },
	],
	impp: (['scheme', 'not-user', 'segments', 'encoding', 'user-id'] as const).map((problem) => ({
		kind: 'impp',
		value: 'matrix:r/refco:example.org',
		problem,
		...(problem === 'user-id' ? { detail: 'detail-for-the-cli' } : {}),
	})),
	email: [{ kind: 'email', value: 'ana.mp.gt.example' }],
	'duplicate-id': [{ kind: 'duplicate-id', first: 1, id: '@ana:matrix.mp.gt.example', authority: 'gt-mp' }],
	'other-authority': [{ kind: 'other-authority', authority: 'ng-ca', own: 'gt-mp' }],
};
const ALL = Object.values(REASONS).flat();

/** Words of the English sentences; none may be left in another language's. */
const ENGLISH =
	/\b(the|is|not|must|missing|empty|only|once|write|give|names?|card|line|has|have|does|there|after|before|text|between|value|quote|such|like|another|already|you|edit|time|zone|number|whole|parts?|days?|twice|ends?|starts?|user|begin)\b/i;
/** What a sentence may keep as written: the file's own tokens, values and the example values. */
const KEPT = /X-ROGATORY-[A-Z-]+|BEGIN:\S+|END:\S+|VERSION:\S+|\b[A-Z]{2,}\b|matrix:\S+|America\/Guatemala|name@example\.org|<[^>]+>/g;
const stripped = (sentence: string, reason: VcardReason): string => {
	let rest = sentence.replace(KEPT, ' ');
	for (const value of Object.values(reason)) if (typeof value === 'string') rest = rest.split(value).join(' ');
	for (const role of DIRECTORY_ROLES) rest = rest.split(role).join(' ');
	return rest;
};

describe('why a card is refused, in the editor’s words', () => {
	it.each(LANGUAGES.filter((locale) => locale !== 'en'))('says every reason in %s, never in English', (locale) => {
		for (const reason of ALL) {
			const said = vcardReasonText(reason, locale);
			expect(said, reason.kind).not.toBe(vcardReasonText(reason, 'en'));
			expect(stripped(said, reason), `${reason.kind} ${locale}: ${said}`).not.toMatch(ENGLISH);
		}
	});

	it('gives each variant a sentence of its own, and never the CLI’s English detail', () => {
		const said = ALL.map((reason) => vcardReasonText(reason, 'es'));
		expect(new Set(said).size).toBe(said.length);
		for (const reason of ALL)
			for (const locale of LANGUAGES) {
				if ('detail' in reason && reason.detail !== undefined) expect(vcardReasonText(reason, locale)).not.toContain(reason.detail);
				expect(vcardReasonText(reason, locale)).not.toMatch(/undefined|\{\w+\}/);
			}
	});

	it('names the values as written in the file, and the card and line', () => {
		expect(vcardReasonText({ kind: 'email', value: 'ana.mp.gt.example' }, 'fr')).toContain('ana.mp.gt.example');
		expect(vcardReasonText({ kind: 'repeated', property: 'UID', first: 3 }, 'pt')).toContain('3');
		expect(cardRefusalText({ card: 2, line: 14, reason: { kind: 'language', value: 'en_GB' } }, 'es')).toBe(
			'Tarjeta 2, línea 14: LANG "en_GB" no es una etiqueta de idioma como "es" o "pt-BR".',
		);
		expect(cardRefusalText({ card: 2, line: 14, reason: { kind: 'name-missing' } }, 'en')).toBe(
			'Card 2, line 14: FN (the name) is missing.',
		);
	});

	it('keeps the CLI’s English for every reason (reasonText), the detail included', () => {
		for (const reason of ALL) expect(reasonText(reason).length, reason.kind).toBeGreaterThan(10);
		expect(reasonText({ kind: 'rota', value: 'a/b', problem: 'instant', detail: 'has no UTC offset' })).toBe(
			'X-ROGATORY-ROTA "a/b" has no UTC offset',
		);
	});
});
