import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFederation, findHomeserver, writeDescription } from './description.ts';
import type { FederationDescription } from './types.ts';

const hs = {
	id: 'gt-mp',
	serverName: '127.0.20.1:28448',
	address: '127.0.20.1',
	clientUrl: 'http://127.0.20.1:28008',
	federationPort: 28448,
	dataDir: '/d',
	logPath: '/d/homeserver.log',
};

function rootWith(description: FederationDescription | undefined): string {
	const root = mkdtempSync(join(tmpdir(), 'rogatory-desc-'));
	mkdirSync(join(root, '.data', 'test'), { recursive: true });
	if (description !== undefined) writeDescription(root, description);
	return root;
}

describe('describeFederation', () => {
	it('reads back what a running supervisor wrote', () => {
		const description: FederationDescription = {
			profile: 'test',
			homeservers: [hs],
			caCertPath: '/ca.crt',
			supervisorPid: process.pid,
			startedAt: 'now',
		};
		const read = describeFederation(rootWith(description), 'test');
		expect(read).toEqual({ ok: true, value: description });
	});

	it('says how to start a federation that is not running', () => {
		const read = describeFederation(rootWith(undefined), 'test');
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.error).toContain('npm test');
	});

	it('does not trust a description left by a supervisor that has ended', () => {
		const root = rootWith(undefined);
		writeFileSync(
			join(root, '.data', 'test', 'federation.json'),
			JSON.stringify({ profile: 'test', homeservers: [hs], caCertPath: '/ca.crt', supervisorPid: 2147483646, startedAt: 'then' }),
		);
		const read = describeFederation(root, 'test');
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.error).toContain('has ended');
	});
});

describe('findHomeserver', () => {
	it('throws on an unknown id, naming the known ones', () => {
		expect(() => findHomeserver({ profile: 'test', homeservers: [hs] }, 'nope')).toThrow(/known: gt-mp/);
	});
});
