import { describe, expect, it } from 'vitest';
import { askRosterUpdate } from './api.ts';

const answering = (status: number, body: unknown, seen: { url?: string; body?: string }[] = []): typeof fetch =>
	((url: string, init?: RequestInit) => {
		seen.push({ url, body: typeof init?.body === 'string' ? init.body : '' });
		return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
	}) as unknown as typeof fetch;
const change = {
	from: 3,
	to: 4,
	networks: [{ network: 'REFCO', added: ['hn-mp'], removed: [] }],
	homeservers: [],
	links: { added: [], removed: [] },
};

describe('askRosterUpdate', () => {
	it('posts the content with the browser’s verdict, and reads what the server examined', async () => {
		const seen: { url?: string; body?: string }[] = [];
		const asked = await askRosterUpdate(
			{ network: 'REFCO', content: { a: 1 }, apply: false },
			answering(200, { kind: 'applicable', version: 4, current: 3, change }, seen),
		);
		expect(asked).toEqual({ ok: true, value: { kind: 'applicable', version: 4, current: 3, change } });
		expect(seen[0]?.url).toBe('/api/admin/roster');
		expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ network: 'REFCO', content: { a: 1 }, apply: false, fromSecretariat: true });
	});

	it('reads applied, already and refused', async () => {
		const ask = (body: unknown) => askRosterUpdate({ network: 'REFCO', content: {}, apply: true }, answering(200, body));
		expect(await ask({ kind: 'applied', version: 4, change })).toEqual({ ok: true, value: { kind: 'applied', version: 4, change } });
		expect(await ask({ kind: 'already', version: 4 })).toEqual({ ok: true, value: { kind: 'already', version: 4 } });
		expect(await ask({ kind: 'refused', code: 'hash' })).toEqual({ ok: true, value: { kind: 'refused', code: 'hash' } });
		expect(await ask({ kind: 'applied' })).toEqual({ ok: false, error: 'unreachable' });
	});

	it('turns refusals and failures into problems', async () => {
		const ask = (status: number, body: unknown) => askRosterUpdate({ network: 'REFCO', content: {}, apply: true }, answering(status, body));
		expect(await ask(403, { problem: 'not-of-network' })).toEqual({ ok: false, error: 'not-allowed' });
		expect(await ask(401, { problem: 'no-session' })).toEqual({ ok: false, error: 'unconfirmed' });
		expect(await ask(503, { problem: 'unavailable' })).toEqual({ ok: false, error: 'unreachable' });
		const failing = (() => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch;
		expect(await askRosterUpdate({ network: 'REFCO', content: {}, apply: true }, failing)).toEqual({ ok: false, error: 'unreachable' });
	});
});
