import { describe, expect, it } from 'vitest';
import { offboardPerson } from './admin-offboard.ts';

const answering = (status: number, body: unknown) =>
	(() => Promise.resolve(new Response(JSON.stringify(body), { status }))) as typeof fetch;

describe("the browser's side of offboarding", () => {
	it('counts what was done', async () => {
		const done = await offboardPerson('ana', answering(200, { kind: 'deactivated', rooms: ['!a', '!b'], roomsLeft: [], devicesLeft: [] }));
		expect(done).toEqual({ ok: true, value: { rooms: 2, roomsLeft: 0, devicesLeft: 0 } });
	});

	it('passes on the rooms to hand over first', async () => {
		const refused = await offboardPerson('ana', answering(409, { problem: 'hand-over-first', rooms: ['!solo:gt'] }));
		expect(refused).toEqual({ ok: false, error: { kind: 'hand-over-first', rooms: ['!solo:gt'] } });
	});

	it('tells the refusals apart', async () => {
		expect(await offboardPerson('me', answering(403, { problem: 'self' }))).toEqual({ ok: false, error: { kind: 'self' } });
		expect(await offboardPerson('x', answering(403, { problem: 'other-authority' }))).toEqual({
			ok: false,
			error: { kind: 'not-of-authority' },
		});
		expect(await offboardPerson('x', answering(503, { problem: 'unavailable' }))).toEqual({ ok: false, error: { kind: 'unavailable' } });
		expect(await offboardPerson('x', answering(502, { problem: 'homeserver' }))).toEqual({ ok: false, error: { kind: 'unreachable' } });
		expect(await offboardPerson('x', answering(401, { problem: 'unconfirmed' }))).toEqual({ ok: false, error: { kind: 'unconfirmed' } });
	});
});
