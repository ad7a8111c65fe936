import { describe, expect, it } from 'vitest';
import { ANA, authorityPayload, GT_ENTRY, GT_MP, GT_SERVER, LUCIA, personPayload, stamp } from '../testing/entries.ts';
import type { DirectoryPayload } from '../types.ts';
import { counted } from './order.ts';
import { changesNothing, type HeldEntries } from './untrusted.ts';

const BRIDGE = `@rogatory-bridge:${GT_SERVER}`;
const CARLOS = `@carlos.mendez:${GT_SERVER}`;
const current = personPayload(ANA, '2026-11-02T00:00:00Z', LUCIA.id);
const held = (holds: DirectoryPayload | undefined = current): HeldEntries => ({
	bridgeOf: () => BRIDGE,
	editorsOf: () => [LUCIA.id],
	currentFor: (p) => (holds !== undefined && p.type === holds.type ? counted('$held', BRIDGE, holds) : undefined),
});

describe('an untrusted directory event that changes nothing', () => {
	it('is one from the bridge or an editor, whose entry holds the same payload or a later one', () => {
		expect(changesNothing({ sender: BRIDGE, payload: current }, held())).toBe(true);
		expect(changesNothing({ sender: LUCIA.id, payload: current }, held())).toBe(true);
		expect(changesNothing({ sender: LUCIA.id, payload: personPayload(ANA, '2026-11-01T00:00:00Z', LUCIA.id) }, held())).toBe(true);
	});

	it('is not one that would be newer, one about an entry that holds nothing, or an unreadable one', () => {
		expect(changesNothing({ sender: LUCIA.id, payload: personPayload(ANA, '2026-11-03T00:00:00Z', LUCIA.id) }, held())).toBe(false);
		expect(changesNothing({ sender: BRIDGE, payload: authorityPayload(GT_ENTRY, '2026-11-01T00:00:00Z') }, held())).toBe(false);
		expect(changesNothing({ sender: BRIDGE, payload: undefined }, held())).toBe(false);
	});

	it('is not a third party’s, even a copy; nor an editor’s `editors` event, which only the bridge writes', () => {
		expect(changesNothing({ sender: CARLOS, payload: current }, held())).toBe(false);
		const editors: DirectoryPayload = {
			type: 'editors',
			authority: GT_MP,
			editors: [LUCIA.id],
			updated: stamp('2026-11-01T00:00:00Z', BRIDGE),
		};
		expect(changesNothing({ sender: LUCIA.id, payload: editors }, held(editors))).toBe(false);
		expect(changesNothing({ sender: BRIDGE, payload: editors }, held(editors))).toBe(true);
	});
});
