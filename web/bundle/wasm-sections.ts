// The sections of a WebAssembly binary, and a copy of it without some of its
// custom sections. A module is an 8-byte preamble (magic, version) then
// sections, each an id byte, its size as an unsigned LEB128 and its bytes;
// a custom section (id 0) starts with its name, a LEB128 length and UTF-8.
// Custom sections carry no code: dropping one leaves what the module does
// unchanged (WebAssembly core spec, 5.5.3 "Custom Section").

const MAGIC = [0x00, 0x61, 0x73, 0x6d] as const;
const VERSION_1 = [0x01, 0x00, 0x00, 0x00] as const;
const CUSTOM = 0;

export interface Section {
	readonly id: number;
	/** A custom section's name; '' for the others. */
	readonly name: string;
	/** Where the section starts (its id byte) and ends, in the binary. */
	readonly start: number;
	readonly end: number;
}

export type Sections = { ok: true; value: Section[] } | { ok: false; error: string };

function leb128(bytes: Uint8Array, at: number): { value: number; next: number } | undefined {
	let value = 0;
	let shift = 0;
	for (let i = at; i < bytes.length && shift < 35; i++, shift += 7) {
		const byte = bytes[i]!;
		value += (byte & 0x7f) * 2 ** shift;
		if ((byte & 0x80) === 0) return { value, next: i + 1 };
	}
	return undefined;
}

/** The binary's sections in order, or why it is not a WebAssembly 1.0 binary. */
export function sectionsOf(bytes: Uint8Array): Sections {
	const preamble = [...MAGIC, ...VERSION_1];
	if (bytes.length < preamble.length || preamble.some((b, i) => bytes[i] !== b))
		return { ok: false, error: 'not a WebAssembly 1.0 binary (magic and version)' };
	const sections: Section[] = [];
	let at = preamble.length;
	while (at < bytes.length) {
		const id = bytes[at]!;
		const size = leb128(bytes, at + 1);
		if (size === undefined || size.next + size.value > bytes.length)
			return { ok: false, error: `section at byte ${String(at)} runs past the end` };
		const end = size.next + size.value;
		let name = '';
		if (id === CUSTOM) {
			const length = leb128(bytes, size.next);
			if (length === undefined || length.next + length.value > end)
				return { ok: false, error: `custom section at byte ${String(at)} has no name` };
			name = new TextDecoder().decode(bytes.subarray(length.next, length.next + length.value));
		}
		sections.push({ id, name, start: at, end });
		at = end;
	}
	return { ok: true, value: sections };
}

/** A copy of the binary without the custom sections of these names. */
export function withoutCustomSections(
	bytes: Uint8Array,
	names: readonly string[],
): { ok: true; value: Uint8Array<ArrayBuffer> } | { ok: false; error: string } {
	const sections = sectionsOf(bytes);
	if (!sections.ok) return sections;
	const kept = sections.value.filter((s) => !(s.id === CUSTOM && names.includes(s.name)));
	const out = new Uint8Array(8 + kept.reduce((sum, s) => sum + s.end - s.start, 0));
	out.set(bytes.subarray(0, 8));
	let at = 8;
	for (const s of kept) {
		out.set(bytes.subarray(s.start, s.end), at);
		at += s.end - s.start;
	}
	return { ok: true, value: out };
}
