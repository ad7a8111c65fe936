// Which preservations become calendar events, and that no case content goes in.
import { describe, expect, it } from 'vitest';
import { foldPreservations } from '#policies/preservation/record/index.ts';
import { AMINA, ANA, confirm, envelope, extend, PCONTEXT, REQUEST, REQUEST_ID } from '#policies/preservation/record/testing/fixtures.ts';
import { calendarEntries } from './calendar-export.ts';

const words = {
	summary: (rule: string) => `Preservation expires (${rule})`,
	description: (rule: string, zone: string, expires: string) => `${rule} ${zone} ${expires}`,
	caseUrl: (room: string) => `https://app.example/en/cases/${encodeURIComponent(room)}`,
};

describe('calendarEntries', () => {
	it('makes one event per confirmed, unreleased preservation, at its expiry, bumped by each extension', () => {
		const { records } = foldPreservations(
			[
				envelope(REQUEST_ID, ANA, 1, REQUEST),
				envelope('$c', AMINA, 2, confirm('2026-01-06T10:00-06:00')),
				envelope('$e', ANA, 3, extend(1)),
				envelope('$unconfirmed', ANA, 4, REQUEST),
				envelope('$gone', ANA, 5, REQUEST),
				envelope('$c2', AMINA, 6, confirm('2026-01-06T10:00-06:00', '$gone' as never)),
				envelope('$r', AMINA, 7, { type: 'preservation-released', preservation: '$gone' as never }),
			],
			PCONTEXT,
		);
		const entries = calendarEntries(records, words);
		expect(entries).toEqual([
			{
				uid: 'preservation-req@rogatory',
				sequence: 1,
				start: Date.parse('2026-07-05T23:59:59.999-04:00'),
				summary: 'Preservation expires (us-2703f)',
				description: 'us-2703f America/New_York 2026-07-05T23:59:59.999-04:00',
				url: `https://app.example/en/cases/${encodeURIComponent(PCONTEXT.room)}`,
			},
		]);
		expect(JSON.stringify(entries)).not.toContain(REQUEST.custodian);
	});
});
