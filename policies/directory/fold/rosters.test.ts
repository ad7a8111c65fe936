// Which roster each authority's bridge says it runs (docs/directory.md,
// "Roster versions"): the optional `roster` of the bridge's `editors` event,
// parsed strictly, kept per authority from its bridge only.
import { describe, expect, it } from 'vitest';
import { GUATEMALA, NIGERIA } from '../../roster/testing/demo.ts';
import { REFCO } from '../../roster/testing/networks.ts';
import type { AuthorityId, Roster } from '../../roster/types.ts';
import { buildDirectoryContent } from '../events/build.ts';
import { DIRECTORY_KEY } from '../events/namespace.ts';
import { parseDirectoryContent } from '../events/parse.ts';
import { arrival, authorityPayload, GT_ENTRY, GT_MP, GT_SERVER, LUCIA, stamp } from '../testing/entries.ts';
import type { DirectoryPayload, RosterStatement } from '../types.ts';
import { foldDirectory, type DirectoryArrival } from './fold.ts';

const roster: Roster = { networks: [REFCO], authorities: [GUATEMALA, NIGERIA], people: [], crossNetworkLinks: [] };
const serverOf = (a: AuthorityId) => roster.authorities.find((x) => x.id === a)?.homeserver;
const fold = (...events: DirectoryArrival[]) => foldDirectory({ network: REFCO.id, roster, serverOf, events });

const BRIDGE = `@rogatory-bridge:${GT_SERVER}`;
const V3: RosterStatement = { version: 3, sha256: 'a'.repeat(64) };
const V4: RosterStatement = { version: 4, sha256: '0123456789abcdef'.repeat(4) };
const editors = (at: string, statement?: RosterStatement, by = BRIDGE): DirectoryPayload => ({
	type: 'editors',
	authority: GT_MP,
	editors: [LUCIA.id],
	...(statement === undefined ? {} : { roster: statement }),
	updated: stamp(at, by),
});

/** The parsed payload of `payload`'s content with its `roster` replaced by `value`. */
function withRoster(value: unknown): DirectoryPayload | string {
	const content = structuredClone(buildDirectoryContent(editors('2026-11-01T00:00:00Z')));
	(content[DIRECTORY_KEY] as Record<string, unknown>)['roster'] = value;
	const parsed = parseDirectoryContent(content);
	return parsed.ok ? parsed.value : parsed.error;
}

describe('parseDirectoryContent: the roster a bridge states', () => {
	it('round-trips an editors event with and without it', () => {
		for (const payload of [editors('2026-11-01T00:00:00Z', V3), editors('2026-11-01T00:00:00Z')])
			expect(parseDirectoryContent(JSON.parse(JSON.stringify(buildDirectoryContent(payload))))).toEqual({ ok: true, value: payload });
	});

	it('keeps only version and sha256 of a well-formed statement', () => {
		expect(withRoster({ ...V4, note: 'extra', __proto__: { version: 9 } })).toEqual(editors('2026-11-01T00:00:00Z', V4));
	});

	it.each<[string, unknown]>([
		['null', null],
		['a string', 'version 3'],
		['an array', [3, 'a'.repeat(64)]],
		['no version', { sha256: V3.sha256 }],
		['version 0', { ...V3, version: 0 }],
		['a negative version', { ...V3, version: -3 }],
		['a fractional version', { ...V3, version: 3.5 }],
		['a version past the safe integers', { ...V3, version: 2 ** 60 }],
		['a version given as text', { ...V3, version: '3' }],
		['NaN', { ...V3, version: Number.NaN }],
		['no sha256', { version: 3 }],
		['a short hash', { ...V3, sha256: 'abc' }],
		['an upper-case hash', { ...V3, sha256: 'A'.repeat(64) }],
		['a hash with a newline after it', { ...V3, sha256: `${'a'.repeat(64)}\n` }],
		['a hash that is not hexadecimal', { ...V3, sha256: 'g'.repeat(64) }],
		['a huge hash', { ...V3, sha256: 'a'.repeat(100_000) }],
		['an inherited version and hash', Object.create({ version: 3, sha256: 'a'.repeat(64) }) as unknown],
	])('drops %s, keeping the editors event whole', (_, value) => {
		expect(withRoster(value)).toEqual(editors('2026-11-01T00:00:00Z'));
	});

	it('refuses the event when reading the statement throws (a hostile getter), as any content that throws', () => {
		const hostile = {
			get version(): number {
				throw new Error('boom');
			},
			sha256: V3.sha256,
		};
		expect(typeof withRoster(hostile)).toBe('string');
	});

	it('never takes a roster from another payload type', () => {
		const content = structuredClone(buildDirectoryContent(authorityPayload(GT_ENTRY, '2026-11-01T00:00:00Z')));
		(content[DIRECTORY_KEY] as Record<string, unknown>)['roster'] = V3;
		const parsed = parseDirectoryContent(content);
		expect(parsed.ok && 'roster' in parsed.value).toBe(false);
	});
});

describe('foldDirectory: rosters', () => {
	it('keeps what the authority’s bridge states, with its stamp', () => {
		const view = fold(arrival('$1', BRIDGE, editors('2026-11-01T00:00:00Z', V3)));
		expect(view.rosters).toEqual({ [GT_MP]: { roster: V3, updated: stamp('2026-11-01T00:00:00Z', BRIDGE) } });
	});

	it('folds entries without it as before: no roster stated', () => {
		const view = fold(arrival('$1', BRIDGE, editors('2026-11-01T00:00:00Z')));
		expect(view.rosters).toEqual({});
		expect(view.editors).toEqual({ [GT_MP]: [LUCIA.id] });
	});

	it('takes the latest statement in any arrival order (a bridge restarted on a new roster)', () => {
		const older = arrival('$b', BRIDGE, editors('2026-11-01T00:00:00Z', V3));
		const newer = arrival('$a', BRIDGE, editors('2026-11-02T00:00:00Z', V4));
		expect(fold(older, newer).rosters[GT_MP]?.roster).toEqual(V4);
		expect(fold(newer, older).rosters[GT_MP]?.roster).toEqual(V4);
	});

	it('keeps the last statement when a later editors event states none', () => {
		const stated = arrival('$1', BRIDGE, editors('2026-11-01T00:00:00Z', V3));
		const silent = arrival('$2', BRIDGE, editors('2026-11-02T00:00:00Z'));
		expect(fold(stated, silent).rosters[GT_MP]?.roster).toEqual(V3);
	});

	it('never from an editor, another authority’s bridge, or an untrusted event', () => {
		const byEditor = arrival('$1', LUCIA.id, editors('2026-11-03T00:00:00Z', V4, LUCIA.id));
		const foreign = arrival('$2', `@rogatory-bridge:${NIGERIA.homeserver}`, editors('2026-11-03T00:00:00Z', V4));
		const refused = { counts: false, code: 'not-encrypted', reason: 'sent in the clear' } as const;
		const untrusted = arrival('$3', BRIDGE, editors('2026-11-04T00:00:00Z', V4), refused);
		const stated = arrival('$0', BRIDGE, editors('2026-11-01T00:00:00Z', V3));
		const view = fold(stated, byEditor, foreign, untrusted);
		expect(view.rosters).toEqual({ [GT_MP]: { roster: V3, updated: stamp('2026-11-01T00:00:00Z', BRIDGE) } });
		expect(view.ignored.map((i) => i.reason.kind)).toEqual(['not-bridge', 'not-bridge', 'untrusted']);
	});

	it('ignores a roster an editor slips into the authority entry', () => {
		const content = structuredClone(buildDirectoryContent(authorityPayload(GT_ENTRY, '2026-11-02T00:00:00Z')));
		(content[DIRECTORY_KEY] as Record<string, unknown>)['roster'] = V4;
		const view = fold(arrival('$0', BRIDGE, editors('2026-11-01T00:00:00Z')), {
			eventId: '$1',
			sender: LUCIA.id,
			content,
			verdict: { counts: true, verification: 'cross-signed' },
		});
		expect(view.authorities).toHaveLength(1);
		expect(view.rosters).toEqual({});
	});
});
