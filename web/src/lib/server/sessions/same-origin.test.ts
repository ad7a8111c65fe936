import { describe, expect, it } from 'vitest';
import { sameOriginJson } from './same-origin.ts';

const post = (headers: Record<string, string>) => new Request('https://127.0.0.1:28080/api/x', { method: 'POST', headers, body: '{}' });
const app = { Host: '127.0.0.1:28080', Origin: 'http://127.0.0.1:28080', 'Content-Type': 'application/json' };

describe('sameOriginJson', () => {
	it('accepts a JSON post from the app’s own pages, over http or https', () => {
		expect(sameOriginJson(post(app))).toBe(true);
		expect(sameOriginJson(post({ ...app, Origin: 'https://127.0.0.1:28080', 'Content-Type': 'application/json; charset=utf-8' }))).toBe(
			true,
		);
	});

	it('refuses another origin, a missing origin, and anything but JSON', () => {
		expect(sameOriginJson(post({ ...app, Origin: 'http://evil.example' }))).toBe(false);
		expect(sameOriginJson(post({ ...app, Origin: 'http://127.0.0.1:28081' }))).toBe(false);
		expect(sameOriginJson(post({ ...app, Origin: 'null' }))).toBe(false);
		const { Origin: _, ...withoutOrigin } = app;
		expect(sameOriginJson(post(withoutOrigin))).toBe(false);
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/jsonp'])
			expect(sameOriginJson(post({ ...app, 'Content-Type': type }))).toBe(false);
	});
});
