import { describe, expect, it } from 'vitest';
import directoryEn from '../../../messages/directory/en.json' with { type: 'json' };
import type { IgnoredEvent, IgnoredKind, IgnoredReason } from '#policies/directory/types.ts';
import type { AuthorityId, NetworkId } from '#policies/roster/types.ts';
import { LANGUAGES } from '#policies/roster/types.ts';
import { TRUST_LABELS } from '#policies/trust/index.ts';
import { ignoredSentence } from './ignored-text.ts';

const SV = 'sv-fgr' as AuthorityId;
const SENDER = '@forger:matrix.mp.gt.rogatory.example';
const BRIDGE = '@rogatory-bridge:matrix.fgr.sv.rogatory.example';
const EVE = '@eve:evil.example';

/** One reason of every kind (the record makes a new kind fail to compile until it is here). */
const REASONS: Readonly<Record<IgnoredKind, readonly IgnoredReason[]>> = {
	'not-editor': [{ kind: 'not-editor', authority: SV }],
	'not-bridge': [{ kind: 'not-bridge', authority: SV, bridge: BRIDGE }],
	'editor-elsewhere': [{ kind: 'editor-elsewhere', authority: SV, editor: EVE, server: 'matrix.fgr.sv.rogatory.example' }],
	'outside-network': [{ kind: 'outside-network', authority: 'ng-ca' as AuthorityId, network: 'REFCO' as NetworkId }],
	'no-homeserver': [{ kind: 'no-homeserver', authority: SV }],
	'wrong-room': [{ kind: 'wrong-room', authority: SV }],
	untrusted: [
		{ kind: 'untrusted', code: 'unsigned-device', authority: SV },
		{ kind: 'untrusted', code: 'unsigned-device' },
	],
	malformed: [{ kind: 'malformed', detail: 'msgtype: must be "m.notice"' }],
};
const ITEMS: IgnoredEvent[] = Object.values(REASONS)
	.flat()
	.map((reason, i) => ({ eventId: `$${i}`, sender: SENDER, reason }));

const text = (item: IgnoredEvent, locale: (typeof LANGUAGES)[number]) =>
	ignoredSentence(item, locale)
		.map((p) => p.text)
		.join('');

describe('why the directory ignored an event, in the editor’s words', () => {
	it.each(LANGUAGES.filter((locale) => locale !== 'en'))('says it in %s, never in English', (locale) => {
		for (const item of ITEMS) {
			const said = text(item, locale);
			expect(said).not.toBe(text(item, 'en'));
			for (const english of Object.values(directoryEn).filter((t) => t.startsWith('{sender}')))
				expect(said).not.toContain(
					english
						.replace(/\{\w+\}/g, '\u0000')
						.split('\u0000')[1]!
						.trim(),
				);
			expect(said).not.toContain(TRUST_LABELS['unsigned-device'].en);
		}
	});

	it('names the sender and every Matrix ID as the parties’ text, the rest as the page’s', () => {
		const [notEditor, notBridge, elsewhere] = ITEMS;
		expect(ignoredSentence(notEditor!, 'es')).toEqual([
			{ kind: 'party', text: SENDER },
			{ kind: 'text', text: ' no es editor de sv-fgr.' },
		]);
		expect(ignoredSentence(notBridge!, 'en').filter((p) => p.kind === 'party')).toEqual([
			{ kind: 'party', text: SENDER },
			{ kind: 'party', text: BRIDGE },
		]);
		expect(ignoredSentence(elsewhere!, 'fr').filter((p) => p.kind === 'party')).toEqual([
			{ kind: 'party', text: SENDER },
			{ kind: 'party', text: EVE },
			{ kind: 'party', text: EVE },
		]);
	});

	it('gives the trust rule’s reason in the page’s language, and keeps the parser’s English for the logs', () => {
		const untrusted = ITEMS.find((i) => i.reason.kind === 'untrusted')!;
		expect(text(untrusted, 'pt')).toContain(TRUST_LABELS['unsigned-device'].pt);
		expect(text(untrusted, 'pt')).toContain('sv-fgr');
		const malformed = ITEMS.find((i) => i.reason.kind === 'malformed')!;
		expect(text(malformed, 'ru')).not.toContain('m.notice');
	});

	it('says an unknown device as the reader’s client, never as the bridge', () => {
		const unknown: IgnoredEvent = { eventId: '$u', sender: SENDER, reason: { kind: 'untrusted', code: 'unknown-device' } };
		for (const locale of LANGUAGES) expect(text(unknown, locale)).not.toMatch(/bridge|puente|passerelle|ponte|мост/i);
		expect(text(unknown, 'en')).toContain('a device that is not known');
	});
});
