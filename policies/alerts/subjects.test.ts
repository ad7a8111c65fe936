import { describe, expect, it } from 'vitest';
import { foldCase, type OpenedCase } from '../cases/index.ts';
import { ANA, CONTEXT, envelope, OPENED, opening } from '../cases/testing/fixtures.ts';
import type { PersonEntry } from '../directory/types.ts';
import type { PreservationRecord } from '../preservation/record/types.ts';
import { GUATEMALA, NIGERIA } from '../roster/testing/demo.ts';
import { focalPointsOf, LAPSING_WITHIN_MS, lapsingAlertId, lapsingPreservationAlert, urgentRequestAlert } from './subjects.ts';

const opened = (urgency: 'routine' | 'urgent' | 'immediate'): OpenedCase => {
	const record = foldCase([envelope('$open', ANA, 1000, { ...OPENED, fields: { ...OPENED.fields, urgency } })], CONTEXT);
	if (!record.opened) throw new Error('the fixture opens');
	return record;
};

describe('what an authority is alerted about', () => {
	it('an urgent or immediate request it was asked, raised at its opening; not a routine one, nor one it asked', () => {
		expect(urgentRequestAlert(opened('urgent'), NIGERIA.id)).toEqual({
			kind: 'urgent-request',
			room: CONTEXT.room,
			id: CONTEXT.room,
			raisedAt: 1000,
		});
		expect(urgentRequestAlert(opened('immediate'), NIGERIA.id)?.kind).toBe('urgent-request');
		expect(urgentRequestAlert(opened('routine'), NIGERIA.id)).toBeUndefined();
		expect(urgentRequestAlert(opened('urgent'), GUATEMALA.id)).toBeUndefined();
		const folded = foldCase([opening()], CONTEXT);
		expect(folded.opened && urgentRequestAlert(folded, NIGERIA.id)?.raisedAt).toBe(1000);
	});

	it('a preservation it asked for, from 48 hours before it lapses until it lapses; not a released or followed-up one', () => {
		const expiresAt = Date.UTC(2026, 11, 10, 12);
		const now = expiresAt - 10 * 3_600_000;
		const parties = { requesting: GUATEMALA.id, requested: NIGERIA.id };
		const running = {
			id: '$pres',
			room: CONTEXT.room,
			status: 'confirmed',
			requested: { side: 'requesting' },
			deadline: { expiresAt },
		} as unknown as PreservationRecord;
		expect(lapsingPreservationAlert(running, parties, GUATEMALA.id, now)).toEqual({
			kind: 'preservation-lapsing',
			room: CONTEXT.room,
			id: `$pres#${expiresAt}`,
			raisedAt: expiresAt - LAPSING_WITHIN_MS,
		});
		expect(lapsingAlertId('$pres', expiresAt)).toBe(`$pres#${expiresAt}`);
		// The side that was asked is not the one that must act before the lapse.
		expect(lapsingPreservationAlert(running, parties, NIGERIA.id, now)).toBeUndefined();
		// Not before the 48 hours, not once it lapsed.
		expect(lapsingPreservationAlert(running, parties, GUATEMALA.id, expiresAt - LAPSING_WITHIN_MS - 1)).toBeUndefined();
		expect(lapsingPreservationAlert(running, parties, GUATEMALA.id, expiresAt - LAPSING_WITHIN_MS)?.raisedAt).toBe(
			expiresAt - LAPSING_WITHIN_MS,
		);
		expect(lapsingPreservationAlert(running, parties, GUATEMALA.id, expiresAt)).toBeUndefined();
		expect(lapsingPreservationAlert({ ...running, status: 'released' }, parties, GUATEMALA.id, now)).toBeUndefined();
		expect(lapsingPreservationAlert({ ...running, status: 'follow-up-sent' }, parties, GUATEMALA.id, now)).toBeUndefined();
		const { deadline: _none, ...unconfirmed } = running;
		expect(lapsingPreservationAlert({ ...unconfirmed, status: 'requested' }, parties, GUATEMALA.id, now)).toBeUndefined();
		// An extension moves the expiry: a new alert, with its own steps.
		const extended = { ...running, status: 'extended', deadline: { expiresAt: expiresAt + 90 * 24 * 3_600_000 } } as PreservationRecord;
		expect(lapsingPreservationAlert(extended, parties, GUATEMALA.id, expiresAt + 89 * 24 * 3_600_000)?.id).toBe(
			`$pres#${expiresAt + 90 * 24 * 3_600_000}`,
		);
	});
});

describe('who can be told', () => {
	const person = (id: string, extra: Partial<PersonEntry>, account = true): PersonEntry => ({
		id,
		authority: NIGERIA.id,
		name: id,
		roles: ['focal-point-24-7'],
		languages: ['en'],
		rota: [],
		...(account ? { matrixId: `@${id}:${NIGERIA.homeserver}` } : {}),
		...extra,
	});

	it('the authority’s 24/7 focal points with an account, their rota in milliseconds, unreadable periods left out', () => {
		const points = focalPointsOf(
			[
				person('ada', {
					rota: [
						{ from: '2026-12-04T08:00:00Z', to: '2026-12-04T20:00:00Z' },
						{ from: 'soon', to: 'later' },
					],
				}),
				person('ben', { roles: ['prosecutor'] }),
				person('cai', {}, false),
				person('dee', { authority: GUATEMALA.id }),
			],
			NIGERIA.id,
		);
		expect(points).toEqual([
			{ userId: `@ada:${NIGERIA.homeserver}`, rota: [{ from: Date.UTC(2026, 11, 4, 8), to: Date.UTC(2026, 11, 4, 20) }] },
		]);
	});
});
