import { describe, expect, it } from 'vitest';
import { confirmedExport } from './confirmed-export.ts';
import type { SessionConfirmation } from './handle.ts';

const session = (answer: SessionConfirmation) => {
	const calls: string[] = [];
	return { calls, confirm: () => (calls.push('asked'), Promise.resolve(answer)) };
};
const file = () => new Response('a,b\n', { status: 200 });

describe('confirmedExport', () => {
	it('serves the file only after the homeserver confirms', async () => {
		const s = session('confirmed');
		const response = await confirmedExport(s, file);
		expect(response.status).toBe(200);
		expect(s.calls).toEqual(['asked']);
	});

	it('refuses with 401 when the sign-in was refused, and 503 when it could not be confirmed', async () => {
		const ended = await confirmedExport(session('ended'), file);
		expect(ended.status).toBe(401);
		expect(ended.headers.get('Cache-Control')).toBe('no-store');
		expect(await ended.text()).not.toContain('a,b');
		expect((await confirmedExport(session('unconfirmed'), file)).status).toBe(503);
	});

	it('leaves a request without a session to the export’s own answer', async () => {
		expect((await confirmedExport(undefined, () => new Response('Sign in first.', { status: 401 }))).status).toBe(401);
	});
});
