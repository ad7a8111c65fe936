import { describe, expect, it } from 'vitest';
import type { Authority, AuthorityId, CountryCode, NetworkId } from '#policies/roster/types.ts';
import { knockRows, REASON_SHOWN, serverOf, shownReason } from './knock-queue.ts';

const authority = (id: string, networks: readonly string[]): Authority => ({
	id: id as AuthorityId,
	name: id,
	country: 'GT' as CountryCode,
	homeserver: `${id}.example`,
	timeZone: 'UTC',
	languages: ['es'],
	memberships: networks.map((network) => ({ network: network as NetworkId, status: 'member' as const })),
});
const roster = { authorities: [authority('gt-mp', ['REFCO']), authority('sv-fgr', ['REFCO']), authority('ng-ca', ['WACAP'])] };
const REFCO = 'REFCO' as NetworkId;
const servers = new Map<string, AuthorityId>([
	['GT.example', 'gt-mp' as AuthorityId],
	['sv.example', 'sv-fgr' as AuthorityId],
	['ng.example', 'ng-ca' as AuthorityId],
]);

describe('knockRows', () => {
	it('maps each knocker to its authority and says whether the roster admits it into the network', () => {
		const rows = knockRows(
			[
				{ userId: '@a:sv.example', reason: 'We joined the convention.' },
				{ userId: '@b:ng.example' },
				{ userId: '@c:elsewhere.example', reason: 'hello' },
				{ userId: '@d:gt.example' },
			],
			roster,
			REFCO,
			servers,
		);
		expect(rows.map((r) => [r.userId, r.authority, r.standing])).toEqual([
			['@a:sv.example', 'sv-fgr', 'admissible'],
			['@b:ng.example', 'ng-ca', 'not-in-network'],
			['@c:elsewhere.example', undefined, 'outside-roster'],
			['@d:gt.example', 'gt-mp', 'admissible'],
		]);
		expect(rows[0]!.reason).toBe('We joined the convention.');
		expect(rows[1]!.reason).toBe('');
	});

	it('treats a server mapped to an authority the roster does not hold as outside the roster', () => {
		const rows = knockRows([{ userId: '@a:x.example' }], roster, REFCO, new Map([['x.example', 'zz-gone' as AuthorityId]]));
		expect(rows[0]!.standing).toBe('outside-roster');
	});
});

describe('shownReason', () => {
	it('removes control and direction-override characters and folds whitespace', () => {
		expect(shownReason('  line one\n\tline\u0007 two \u202Eevil\u202C ')).toBe('line one line two evil');
	});

	it('cuts a long reason with an ellipsis, counting characters not code units', () => {
		const long = '😀'.repeat(REASON_SHOWN + 5);
		const shown = shownReason(long);
		expect([...shown].length).toBe(REASON_SHOWN + 1);
		expect(shown.endsWith('…')).toBe(true);
		expect(shownReason('short', 10)).toBe('short');
	});

	it('keeps markup as text (the component renders it escaped)', () => {
		expect(shownReason('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
	});
});

describe('serverOf', () => {
	it('is the part after the first colon, lower-cased', () => {
		expect(serverOf('@a:Matrix.Example:8448')).toBe('matrix.example:8448');
		expect(serverOf('nobody')).toBe('');
	});
});
