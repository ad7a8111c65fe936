import { describe, expect, it } from 'vitest';
import type { PeopleDocument, SiteDocument } from '../../policies/roster/file/index.ts';
import { alertSettings, BATCH_ENV, ESCALATE_ENV, EVERY_ENV } from './settings.ts';

const SITE = {
	urls: { web: 'https://rogatory.ca.ng.example' },
	mail: { host: '127.0.0.1', port: 2525, starttls: false, from: 'rogatory@ca.ng.example' },
	source: { file: 'site.yaml', lines: new Map() },
} as unknown as SiteDocument;
const PEOPLE = {
	authority: 'ng-ca',
	people: [
		{ localpart: 'Ada.Obi', displayName: 'Ada', roles: ['focal-point-24-7'], language: 'fr', email: 'ada@ca.ng.example' },
		{ localpart: 'ben', displayName: 'Ben', roles: ['prosecutor'], language: 'en' },
	],
	source: { file: 'people.yaml', lines: new Map() },
} as unknown as PeopleDocument;

describe('the alerts’ settings', () => {
	it('are off without a mail section', () => {
		const { mail: _none, ...site } = SITE;
		expect(alertSettings(site as SiteDocument, PEOPLE, 'ng.example', {})).toEqual({ ok: true, value: undefined });
	});
	it('wait 30 minutes a step unless the site says otherwise, look each minute, and know each person’s address and language', () => {
		const read = alertSettings(SITE, PEOPLE, 'ng.example', {});
		expect(read.ok && read.value?.ackWithinMinutes).toBe(30);
		expect(read.ok && read.value?.everyMs).toBe(60_000);
		expect(read.ok && read.value?.link).toBe('https://rogatory.ca.ng.example');
		expect(read.ok && [...(read.value?.people ?? [])]).toEqual([
			['@ada.obi:ng.example', { language: 'fr', roles: ['focal-point-24-7'], email: 'ada@ca.ng.example' }],
			['@ben:ng.example', { language: 'en', roles: ['prosecutor'] }],
		]);
		expect(read.ok && read.value?.batchMinutes).toBe(60);
		const batching = alertSettings({ ...SITE, mail: { ...SITE.mail!, batchMinutes: 15 } }, PEOPLE, 'ng.example', {});
		expect(batching.ok && batching.value?.batchMinutes).toBe(15);
		const site = { ...SITE, mail: { ...SITE.mail!, escalateAfterMinutes: 10 } };
		const ten = alertSettings(site, PEOPLE, 'ng.example', {});
		expect(ten.ok && ten.value?.ackWithinMinutes).toBe(10);
	});
	it('are shortened by the environment for tests, and refuse a value that is not whole seconds', () => {
		const short = alertSettings(SITE, PEOPLE, 'ng.example', { [ESCALATE_ENV]: '15', [EVERY_ENV]: '2', [BATCH_ENV]: '30' });
		expect(short.ok && short.value?.batchMinutes).toBe(0.5);
		expect(short.ok && short.value?.ackWithinMinutes).toBe(0.25);
		expect(short.ok && short.value?.everyMs).toBe(2000);
		const bad = alertSettings(SITE, PEOPLE, 'ng.example', { [ESCALATE_ENV]: 'soon' });
		expect(!bad.ok && bad.error).toMatch(ESCALATE_ENV);
	});
	it('refuse a relay the mail would cross in the clear, naming the site file', () => {
		const site = { ...SITE, mail: { ...SITE.mail!, host: 'smtp.ca.ng.example', port: 25 } };
		const read = alertSettings(site, PEOPLE, 'ng.example', {});
		expect(!read.ok && read.error).toMatch(/^site\.yaml: mail: smtp\.ca\.ng\.example:25 without TLS/);
	});
});
