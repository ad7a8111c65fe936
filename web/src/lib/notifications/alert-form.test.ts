import { describe, expect, it } from 'vitest';
import { alertFormOf, alertPreferencesOf } from './alert-form.ts';

const NOW = Date.UTC(2026, 11, 5, 3);

describe('the e-mail alert settings form', () => {
	it('sends the address typed, trimmed, and whether the batched mail is wanted', () => {
		expect(alertPreferencesOf({ email: ' bola@home.example ', newRequests: false }, NOW, undefined)).toEqual({
			ok: true,
			value: { version: NOW, email: 'bola@home.example', off: ['new-requests'] },
		});
	});

	it('sends no address for an empty field: the one the administrator gave is used again', () => {
		expect(alertPreferencesOf({ email: '  ', newRequests: true }, NOW, undefined)).toEqual({
			ok: true,
			value: { version: NOW, email: null, off: [] },
		});
	});

	it('refuses in the browser what the bridge would refuse', () => {
		expect(alertPreferencesOf({ email: 'bola at home', newRequests: true }, NOW, undefined)).toEqual({ ok: false, error: 'malformed' });
		expect(alertPreferencesOf({ email: 'a@b.example\nBcc: eve@evil.example', newRequests: true }, NOW, undefined)).toEqual({
			ok: false,
			error: 'malformed',
		});
		expect(alertPreferencesOf({ email: `${'a'.repeat(260)}@b.example`, newRequests: true }, NOW, undefined)).toEqual({
			ok: false,
			error: 'too-long',
		});
	});

	it('numbers a setting above the last one sent, even when this browser’s clock is behind', () => {
		const sent = { version: NOW + 5_000, email: null, off: [] };
		const next = alertPreferencesOf({ email: '', newRequests: true }, NOW, sent);
		expect(next.ok && next.value.version).toBe(NOW + 5_001);
	});

	it('shows the settings last sent, or the defaults', () => {
		expect(alertFormOf(undefined)).toEqual({ email: '', newRequests: true });
		expect(alertFormOf({ version: 1, email: 'bola@home.example', off: ['new-requests'] })).toEqual({
			email: 'bola@home.example',
			newRequests: false,
		});
	});
});
