import { describe, expect, it } from 'vitest';
import { GUATEMALA, NIGERIA } from '../../roster/testing/demo.ts';
import { REFCO } from '../../roster/testing/networks.ts';
import type { AuthorityId, Roster } from '../../roster/types.ts';
import { ANA, arrival, authorityPayload, GT_ENTRY, GT_MP, GT_SERVER, LUCIA, personPayload, stamp } from '../testing/entries.ts';
import type { DirectoryPayload } from '../types.ts';
import { editorsOf, isEditorOf } from './editors.ts';
import { foldDirectory, type DirectoryArrival } from './fold.ts';

const roster: Roster = { networks: [REFCO], authorities: [GUATEMALA, NIGERIA], people: [], crossNetworkLinks: [] };
const serverOf = (a: AuthorityId) => roster.authorities.find((x) => x.id === a)?.homeserver;
const fold = (...events: DirectoryArrival[]) => foldDirectory({ network: REFCO.id, roster, serverOf, events });

const BRIDGE = `@rogatory-bridge:${GT_SERVER}`;
const CARLOS = `@carlos.mendez:${GT_SERVER}`;
const editors = (at: string, ...names: string[]): DirectoryPayload => ({
	type: 'editors',
	authority: GT_MP,
	editors: names,
	updated: stamp(at, BRIDGE),
});
const named = arrival('$00editors', BRIDGE, editors('2026-11-01T00:00:00Z', LUCIA.id));

describe('foldDirectory: who may write', () => {
	it('takes the bridge’s entries and those of an editor it named', () => {
		const view = fold(
			named,
			arrival('$01', BRIDGE, authorityPayload(GT_ENTRY, '2026-11-02T00:00:00Z')),
			arrival('$02', LUCIA.id, personPayload(ANA, '2026-11-02T00:00:00Z')),
		);
		expect(view.authorities.map((a) => a.entry.authority)).toEqual([GT_MP]);
		expect(view.people.map((p) => p.entry.name)).toEqual(['Ana López']);
		expect(view.ignored).toEqual([]);
		expect(editorsOf(view, GT_MP)).toEqual([LUCIA.id]);
		expect(isEditorOf(view, GT_MP, LUCIA.id)).toBe(true);
		expect(isEditorOf(view, GT_MP, CARLOS)).toBe(false);
	});

	it('ignores someone who is not an editor, saying who and of what', () => {
		const view = fold(named, arrival('$02', CARLOS, personPayload(ANA, '2026-11-02T00:00:00Z')));
		expect(view.people).toEqual([]);
		expect(view.ignored).toEqual([{ eventId: '$02', sender: CARLOS, reason: { kind: 'not-editor', authority: GT_MP } }]);
	});

	it('counts only the latest editors event: an editor dropped from it writes no more', () => {
		const later = arrival('$03editors', BRIDGE, editors('2026-11-05T00:00:00Z', CARLOS));
		const view = fold(later, named, arrival('$02', LUCIA.id, personPayload(ANA, '2026-11-02T00:00:00Z')));
		expect(view.people).toEqual([]);
		expect(view.editors).toEqual({ [GT_MP]: [CARLOS] });
	});

	it('takes editors only from the authority’s own bridge, and only people on its server', () => {
		const foreign = arrival('$04', `@rogatory-bridge:${NIGERIA.homeserver}`, editors('2026-11-03T00:00:00Z', CARLOS));
		const byEditor = arrival('$05', LUCIA.id, editors('2026-11-03T00:00:00Z', LUCIA.id));
		const stranger = arrival('$06', BRIDGE, editors('2026-11-04T00:00:00Z', '@eve:evil.example'));
		const view = fold(named, foreign, byEditor, stranger);
		expect(view.editors).toEqual({ [GT_MP]: [LUCIA.id] });
		expect(view.ignored).toEqual([
			{
				eventId: '$04',
				sender: `@rogatory-bridge:${NIGERIA.homeserver}`,
				reason: { kind: 'not-bridge', authority: GT_MP, bridge: BRIDGE },
			},
			{ eventId: '$05', sender: LUCIA.id, reason: { kind: 'not-bridge', authority: GT_MP, bridge: BRIDGE } },
			{
				eventId: '$06',
				sender: BRIDGE,
				reason: { kind: 'editor-elsewhere', authority: GT_MP, editor: '@eve:evil.example', server: GT_SERVER },
			},
		]);
	});

	it('ignores untrusted events, naming the authority when their content can be read', () => {
		const refused = { counts: false, code: 'not-encrypted', reason: 'sent in the clear' } as const;
		const untrusted = arrival('$07', BRIDGE, personPayload(ANA, '2026-11-02T00:00:00Z'), refused);
		const unreadable: DirectoryArrival = { eventId: '$07b', sender: BRIDGE, content: 'garbage', verdict: refused };
		expect(fold(untrusted, unreadable).ignored).toEqual([
			{ eventId: '$07', sender: BRIDGE, reason: { kind: 'untrusted', code: 'not-encrypted', authority: GT_MP } },
			{ eventId: '$07b', sender: BRIDGE, reason: { kind: 'untrusted', code: 'not-encrypted' } },
		]);
	});

	it('does not list an untrusted event of a writer that changes nothing: a copy, or an older version, of what counts', () => {
		const fromBackup = { counts: false, code: 'not-guaranteed', reason: 'key from a backup' } as const;
		const payload = personPayload(ANA, '2026-11-02T00:00:00Z', LUCIA.id);
		const resent = arrival('$09', BRIDGE, payload);
		const view = fold(named, arrival('$07', BRIDGE, payload, fromBackup), resent);
		expect(view.ignored).toEqual([]);
		expect(view.people.map((p) => p.entry.name)).toEqual(['Ana López']);
		// The editor's own copy, and her older version of the entry, change nothing either.
		const older = arrival('$06', LUCIA.id, personPayload(ANA, '2026-11-01T00:00:00Z', LUCIA.id), fromBackup);
		expect(fold(named, arrival('$07', LUCIA.id, payload, fromBackup), older, resent).ignored).toEqual([]);
		// A third party's copy, a writer's newer version, or an entry that holds nothing yet, is listed.
		const other = fold(
			named,
			arrival('$07', CARLOS, payload, fromBackup),
			arrival('$08', BRIDGE, personPayload(ANA, '2026-11-03T00:00:00Z', LUCIA.id), fromBackup),
			arrival('$0a', BRIDGE, authorityPayload(GT_ENTRY, '2026-11-01T00:00:00Z'), fromBackup),
			resent,
		);
		expect(other.ignored.map((i) => [i.eventId, i.sender, i.reason.kind])).toEqual([
			['$07', CARLOS, 'untrusted'],
			['$08', BRIDGE, 'untrusted'],
			['$0a', BRIDGE, 'untrusted'],
		]);
	});

	it('ignores malformed events, keeping the parser’s words for the logs', () => {
		const malformed: DirectoryArrival = {
			eventId: '$08',
			sender: BRIDGE,
			content: { msgtype: 'm.text', body: 'hi' },
			verdict: named.verdict,
		};
		const [ignored] = fold(malformed).ignored;
		expect(ignored?.reason.kind).toBe('malformed');
		expect(ignored?.reason.kind === 'malformed' && ignored.reason.detail).toMatch(/^the content has no/);
	});

	it('ignores entries about authorities outside the network', () => {
		const nigeria = { ...GT_ENTRY, authority: NIGERIA.id };
		const outside = arrival('$09', `@rogatory-bridge:${NIGERIA.homeserver}`, authorityPayload(nigeria, '2026-11-02T00:00:00Z'));
		expect(fold(outside).ignored).toEqual([
			{
				eventId: '$09',
				sender: `@rogatory-bridge:${NIGERIA.homeserver}`,
				reason: { kind: 'outside-network', authority: NIGERIA.id, network: REFCO.id },
			},
		]);
	});

	it('ignores entries about an authority without a homeserver: no one can write for it', () => {
		const events = [arrival('$0a', BRIDGE, authorityPayload(GT_ENTRY, '2026-11-02T00:00:00Z'))];
		const view = foldDirectory({ network: REFCO.id, roster, serverOf: () => undefined, events });
		expect(view.authorities).toEqual([]);
		expect(view.ignored).toEqual([{ eventId: '$0a', sender: BRIDGE, reason: { kind: 'no-homeserver', authority: GT_MP } }]);
	});
});

describe('foldDirectory: the latest entry wins', () => {
	const renamed = { ...ANA, name: 'Ana María López' };
	it('keeps the later stamp whatever the arrival order, comparing instants not strings', () => {
		const older = arrival('$20', BRIDGE, personPayload(ANA, '2026-11-02T10:00:00Z'));
		// 05:00-06:00 is 11:00Z: later, although its text sorts first.
		const newer = arrival('$10', BRIDGE, personPayload(renamed, '2026-11-02T05:00:00-06:00'));
		expect(fold(older, newer).people.map((p) => p.entry.name)).toEqual(['Ana María López']);
		expect(fold(newer, older).people.map((p) => p.entry.name)).toEqual(['Ana María López']);
	});

	it('breaks a tie by the greater event ID', () => {
		const a = arrival('$a', BRIDGE, personPayload(ANA, '2026-11-02T10:00:00Z'));
		const b = arrival('$b', BRIDGE, personPayload(renamed, '2026-11-02T10:00:00Z'));
		expect(fold(b, a).people.map((p) => p.entry.name)).toEqual(['Ana María López']);
	});

	it('hides a removed person until a later entry brings them back', () => {
		const entry = arrival('$1', BRIDGE, personPayload(ANA, '2026-11-02T10:00:00Z'));
		const removed = arrival('$2', BRIDGE, {
			type: 'removed',
			authority: GT_MP,
			person: ANA.id,
			why: 'departed',
			updated: stamp('2026-11-03T10:00:00Z'),
		});
		const back = arrival('$3', BRIDGE, personPayload(ANA, '2026-11-04T10:00:00Z'));
		expect(fold(entry, removed).people).toEqual([]);
		expect(fold(back, removed, entry).people.map((p) => p.entry.id)).toEqual([ANA.id]);
		const replayedOld = arrival('$4', BRIDGE, personPayload(ANA, '2026-11-01T10:00:00Z'));
		expect(fold(entry, removed, replayedOld).people).toEqual([]);
	});
});
