import { describe, expect, it } from 'vitest';
import {
	ALERT_PREFERENCES_KEY,
	buildAlertPreferencesContent,
	checkEmail,
	mailedCategories,
	mayTurnOff,
	parseAlertPreferences,
	preferenceVerdict,
	type PreferenceArrival,
} from './preferences.ts';

const T = Date.UTC(2026, 11, 5, 2);
const AMINA = '@amina.bello:ng.example';
const PEOPLE = new Set([AMINA, '@tunde.adeyemi:ng.example']);
const COUNTS = { counts: true, verification: 'cross-signed' } as const;
const content = (payload: Record<string, unknown>) => ({ msgtype: 'm.notice', body: 'x', [ALERT_PREFERENCES_KEY]: payload });
const arrival = (over: Partial<PreferenceArrival> = {}): PreferenceArrival => ({
	sender: AMINA,
	originServerTs: T,
	content: buildAlertPreferencesContent({ version: T, email: 'amina.home@mail.example', off: ['new-requests'] }),
	trust: COUNTS,
	...over,
});

describe('an alert address', () => {
	it('takes a plain address, trimmed', () => {
		expect(checkEmail('  amina.bello+rogatory@ca.ng.example ')).toEqual({ ok: true, value: 'amina.bello+rogatory@ca.ng.example' });
	});

	it('refuses what is empty, too long or not one address', () => {
		expect(checkEmail('  ')).toEqual({ ok: false, error: 'empty' });
		expect(checkEmail(`${'a'.repeat(250)}@x.example`)).toEqual({ ok: false, error: 'too-long' });
		for (const bad of [
			'amina',
			'amina@',
			'@ca.ng.example',
			'amina@localhost',
			'a@b@ca.ng.example',
			'amina bello@ca.ng.example',
			'Amina <amina@ca.ng.example>',
			'amina@ca..example',
			'.amina@ca.ng.example',
			'amina@ca.ng.example\r\nBcc: eve@evil.example',
			'amina@ca.ng.example,eve@evil.example',
			'amina@10.0.0.1',
		])
			expect(checkEmail(bad), bad).toEqual({ ok: false, error: 'malformed' });
	});
});

describe('which mails a person may turn off', () => {
	it('keeps urgent mails on for the 24/7 focal points and the officers, whatever they set', () => {
		expect(mayTurnOff('urgent', ['focal-point-24-7'])).toBe(false);
		expect(mayTurnOff('urgent', ['prosecutor', 'central-authority-officer'])).toBe(false);
		expect(mayTurnOff('new-requests', ['focal-point-24-7'])).toBe(true);
		expect(mailedCategories(['urgent', 'new-requests'], ['focal-point-24-7'])).toEqual(['urgent']);
		expect(mailedCategories(['urgent'], ['focal-point'])).toEqual(['new-requests']);
		expect(mailedCategories([], ['focal-point'])).toEqual(['urgent', 'new-requests']);
	});
});

describe('the settings an event carries', () => {
	it('reads what the web app builds', () => {
		const built = buildAlertPreferencesContent({ version: 7, email: 'a@b.example', off: ['new-requests', 'urgent'] });
		expect(built['body']).not.toContain('a@b.example');
		expect(parseAlertPreferences(built)).toEqual({
			ok: true,
			value: { version: 7, email: 'a@b.example', off: ['urgent', 'new-requests'] },
		});
		expect(parseAlertPreferences(buildAlertPreferencesContent({ version: 8, email: null, off: [] }))).toEqual({
			ok: true,
			value: { version: 8, email: null, off: [] },
		});
	});

	it('refuses a malformed payload with a reason that never repeats the address', () => {
		const bad = [
			content({ v: 2, version: 1, email: null, off: [] }),
			content({ v: 1, version: 0, email: null, off: [] }),
			content({ v: 1, version: 1.5, email: null, off: [] }),
			content({ v: 1, version: 1, email: null, off: ['everything'] }),
			content({ v: 1, version: 1, email: 42, off: [] }),
			content({ v: 1, version: 1, email: 'secret-address@', off: [] }),
			{ msgtype: 'm.text', body: 'hi' },
		];
		for (const c of bad) {
			const parsed = parseAlertPreferences(c);
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) expect(parsed.error).not.toContain('secret-address');
		}
	});
});

describe('whether the bridge takes a setting', () => {
	it('takes one from a person of its authority, as that sender’s own, when it counts and is newer', () => {
		const verdict = preferenceVerdict(arrival(), PEOPLE, T - 1);
		expect(verdict).toEqual({
			take: true,
			user: AMINA,
			preferences: { version: T, email: 'amina.home@mail.example', off: ['new-requests'] },
		});
	});

	it('never sets another person’s address: the content names no one, the sender is whom it is for', () => {
		const forged = arrival({
			sender: '@tunde.adeyemi:ng.example',
			content: { ...buildAlertPreferencesContent({ version: T, email: 'eve@evil.example', off: [] }), user: AMINA },
		});
		const verdict = preferenceVerdict(forged, PEOPLE, undefined);
		expect(verdict.take && verdict.user).toBe('@tunde.adeyemi:ng.example');
	});

	it('refuses one sent in the clear, or from a device its owner did not cross-sign', () => {
		const clear = preferenceVerdict(
			arrival({ trust: { counts: false, code: 'not-encrypted', reason: 'sent in the clear: …' } }),
			PEOPLE,
			undefined,
		);
		expect(clear).toEqual({ take: false, reason: 'sent in the clear: …' });
		const unsigned = preferenceVerdict(
			arrival({ trust: { counts: false, code: 'unsigned-device', reason: 'sent from a device its owner has not cross-signed' } }),
			PEOPLE,
			undefined,
		);
		expect(unsigned.take).toBe(false);
	});

	it('refuses one from someone who is not of its authority', () => {
		expect(preferenceVerdict(arrival({ sender: '@ana.lopez:gt.example' }), PEOPLE, undefined)).toEqual({
			take: false,
			reason: 'the sender is not one of this authority’s people',
		});
	});

	it('does not let an older setting, replayed, override a newer one; nor one from the future stop every later one', () => {
		expect(preferenceVerdict(arrival(), PEOPLE, T).take).toBe(false);
		expect(preferenceVerdict(arrival(), PEOPLE, T + 1).take).toBe(false);
		const future = arrival({ content: buildAlertPreferencesContent({ version: T + 2 * 24 * 3_600_000, email: null, off: [] }) });
		expect(preferenceVerdict(future, PEOPLE, undefined).take).toBe(false);
	});
});
