import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBotConfig } from '../../policies/bot-config/config.ts';
import { BRIDGE_CONFIG, ensureBridgeConfig } from './bridge-config.ts';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'rogatory-bridge-config-'));

describe('ensureBridgeConfig', () => {
	it('writes a config the bridge accepts: the homeserver through nginx, the site’s bot, a random password, 0600', () => {
		const out = fresh();
		expect(ensureBridgeConfig(out, 'matrix.two.bb.example', 'rogatory-bridge')).toEqual({ ok: true, value: join(out, BRIDGE_CONFIG) });
		const text = readFileSync(join(out, BRIDGE_CONFIG), 'utf8');
		const checked = checkBotConfig(JSON.parse(text), ['bb-two']);
		expect(checked.ok).toBe(true);
		expect(JSON.parse(text)).toMatchObject({ homeserverUrl: 'https://matrix.two.bb.example', user: 'rogatory-bridge' });
		expect(String((JSON.parse(text) as { password: string }).password)).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(statSync(join(out, BRIDGE_CONFIG)).mode & 0o777).toBe(0o600);
	});

	it('keeps an existing one: the account was registered with its password', () => {
		const out = fresh();
		ensureBridgeConfig(out, 'matrix.two.bb.example', 'rogatory-bridge');
		const before = readFileSync(join(out, BRIDGE_CONFIG), 'utf8');
		expect(ensureBridgeConfig(out, 'matrix.two.bb.example', 'rogatory-bridge')).toEqual({ ok: true, value: undefined });
		expect(readFileSync(join(out, BRIDGE_CONFIG), 'utf8')).toBe(before);
	});

	it('refuses one others can read', () => {
		const out = fresh();
		ensureBridgeConfig(out, 'matrix.two.bb.example', 'rogatory-bridge');
		chmodSync(join(out, BRIDGE_CONFIG), 0o644);
		writeFileSync(join(out, BRIDGE_CONFIG), '{}');
		const again = ensureBridgeConfig(out, 'matrix.two.bb.example', 'rogatory-bridge');
		expect(again.ok).toBe(false);
	});
});
