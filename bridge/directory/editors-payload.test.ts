import { describe, expect, it } from 'vitest';
import { parseDirectoryContent, buildDirectoryContent } from '../../policies/directory/index.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { editorsPayload, sameEditors } from './editors-payload.ts';

const GT = 'gt-mp' as AuthorityId;
const BRIDGE = '@rogatory-bridge:mp.gt.example';
const LUCIA = '@lucia.ramirez:mp.gt.example';
const V3 = { version: 3, sha256: 'a'.repeat(64) };
const V4 = { version: 4, sha256: 'b'.repeat(64) };
const stamp = { at: '2026-11-01T00:00:00.000Z', by: BRIDGE };

describe('the bridge’s editors event states the roster it runs', () => {
	it('carries the roster loaded at start, and parses as the readers will read it', () => {
		const payload = editorsPayload(GT, { editors: [LUCIA], roster: V3 }, stamp);
		expect(payload).toEqual({ type: 'editors', authority: GT, editors: [LUCIA], roster: V3, updated: stamp });
		expect(parseDirectoryContent(JSON.parse(JSON.stringify(buildDirectoryContent(payload))))).toEqual({ ok: true, value: payload });
	});

	it('leaves it out when the bridge has none to state', () => {
		expect(editorsPayload(GT, { editors: [LUCIA], roster: undefined }, stamp)).not.toHaveProperty('roster');
	});

	it('is sent again when the roster changed (restarted on a new version), or the editors did', () => {
		const sent = editorsPayload(GT, { editors: [LUCIA], roster: V3 }, stamp);
		expect(sameEditors(sent, { editors: [LUCIA], roster: V3 })).toBe(true);
		expect(sameEditors(sent, { editors: [LUCIA], roster: V4 })).toBe(false);
		expect(sameEditors(sent, { editors: [LUCIA], roster: { ...V3, sha256: 'c'.repeat(64) } })).toBe(false);
		expect(sameEditors(sent, { editors: [], roster: V3 })).toBe(false);
		expect(sameEditors(undefined, { editors: [LUCIA], roster: V3 })).toBe(false);
	});

	it('is sent again after an upgrade: what an older bridge sent states no roster', () => {
		const older = editorsPayload(GT, { editors: [LUCIA], roster: undefined }, stamp);
		expect(sameEditors(older, { editors: [LUCIA], roster: V3 })).toBe(false);
		expect(sameEditors(older, { editors: [LUCIA], roster: undefined })).toBe(true);
	});
});
