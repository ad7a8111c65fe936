import { describe, expect, it } from 'vitest';
import { parseAdminUrls } from './admin-urls.ts';

describe('parseAdminUrls', () => {
	it('reads <authority>=<url> pairs, without a trailing slash; nothing set is no pair', () => {
		const read = parseAdminUrls(' gt-mp=http://127.0.0.1:8008/  sv-fgr=https://10.0.0.2:8448 ');
		expect(read).toEqual({
			ok: true,
			value: new Map([
				['gt-mp', 'http://127.0.0.1:8008'],
				['sv-fgr', 'https://10.0.0.2:8448'],
			]),
		});
		expect(parseAdminUrls(undefined)).toEqual({ ok: true, value: new Map() });
		expect(parseAdminUrls('')).toEqual({ ok: true, value: new Map() });
	});

	it('refuses a pair without an authority, a URL or an http scheme, and an authority named twice, naming it', () => {
		for (const bad of ['http://127.0.0.1:8008', '=http://127.0.0.1:8008', 'gt-mp=', 'gt-mp=127.0.0.1:8008', 'gt-mp=file:///etc/passwd']) {
			const read = parseAdminUrls(bad);
			expect(read.ok ? '' : read.error).toContain(`"${bad}"`);
		}
		expect(parseAdminUrls('gt-mp=http://a gt-mp=http://b')).toEqual({
			ok: false,
			error: 'ROGATORY_SYNAPSE_ADMIN_URLS: gt-mp is named twice',
		});
	});
});
