import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionsOf, withoutCustomSections } from './wasm-sections.ts';

const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const custom = (name: string, payload: number[]) => {
	const body = [utf8(name).length, ...utf8(name), ...payload];
	return [0, body.length, ...body];
};
// (module (func (export "f") (result i32) i32.const 7)) and two custom sections.
const MODULE = new Uint8Array([
	0x00,
	0x61,
	0x73,
	0x6d,
	0x01,
	0x00,
	0x00,
	0x00,
	...[0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f], // type: () -> i32
	...[0x03, 0x02, 0x01, 0x00], // function 0 of type 0
	...[0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00], // export "f"
	...[0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x07, 0x0b], // code
	...custom('name', [1, 2, 3, 4, 5]),
	...custom('producers', [9]),
]);

describe('WebAssembly custom sections', () => {
	it('lists the sections of a binary with the custom ones named', () => {
		const sections = sectionsOf(MODULE);
		expect(sections.ok && sections.value.map((s) => [s.id, s.name])).toEqual([
			[1, ''],
			[3, ''],
			[7, ''],
			[10, ''],
			[0, 'name'],
			[0, 'producers'],
		]);
	});

	it('drops the named custom sections and keeps a module that does the same', () => {
		const stripped = withoutCustomSections(MODULE, ['name']);
		if (!stripped.ok) throw new Error(stripped.error);
		expect(stripped.value.length).toBe(MODULE.length - custom('name', [1, 2, 3, 4, 5]).length);
		const sections = sectionsOf(stripped.value);
		expect(sections.ok && sections.value.map((s) => s.name).filter(Boolean)).toEqual(['producers']);
		const instance = new WebAssembly.Instance(new WebAssembly.Module(stripped.value));
		expect((instance.exports['f'] as () => number)()).toBe(7);
	});

	it('refuses what is not a WebAssembly binary or is cut short, rather than writing a broken one', () => {
		expect(sectionsOf(new TextEncoder().encode('<!doctype html>')).ok).toBe(false);
		expect(withoutCustomSections(MODULE.subarray(0, MODULE.length - 3), ['name']).ok).toBe(false);
		const lyingSize = MODULE.slice();
		lyingSize[9] = 0x7f;
		expect(sectionsOf(lyingSize).ok).toBe(false);
	});

	it("strips the crypto's names (3 MB) and keeps every import and export", () => {
		const pkg = dirname(createRequire(import.meta.url).resolve('@matrix-org/matrix-sdk-crypto-wasm'));
		const original = readFileSync(join(pkg, 'pkg', 'matrix_sdk_crypto_wasm_bg.wasm'));
		const stripped = withoutCustomSections(original, ['name']);
		if (!stripped.ok) throw new Error(stripped.error);
		expect(original.length - stripped.value.length).toBeGreaterThan(1_000_000);
		expect(WebAssembly.validate(stripped.value)).toBe(true);
		const before = new WebAssembly.Module(new Uint8Array(original));
		const after = new WebAssembly.Module(stripped.value);
		expect(WebAssembly.Module.exports(after)).toEqual(WebAssembly.Module.exports(before));
		expect(WebAssembly.Module.imports(after)).toEqual(WebAssembly.Module.imports(before));
	});
});
