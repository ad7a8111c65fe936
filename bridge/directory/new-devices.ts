// Which directory members have a device the bridge has not seen before
// (docs/directory.md, "Late joiners"). A new device holds no keys to what
// was sent before it existed, and key backup does not help a person who
// lost every device and set up a new identity; so a member's new device is,
// for the directory, a late joiner, and the bridge re-sends its authority's
// entries as it does for a join. Only devices their owner cross-signed
// count: the bridge shares room keys with no other (trust.ts), so a device
// becomes "new" when it is signed, not when it first logs in. A member seen
// for the first time brings nothing new (their join already caused a
// re-send, or they were there when the bridge first looked). Pure.

/** Member → the ids of their cross-signed devices the bridge has seen. */
export type SeenDevices = Readonly<Record<string, readonly string[]>>;

export interface DeviceNews {
	/** Members with a signed device not seen before. */
	readonly withNewDevices: readonly string[];
	/** What is seen now, to remember. */
	readonly seen: SeenDevices;
}

/** Most devices remembered per member: a member cannot grow the bridge's state without bound. */
export const MAX_SEEN_DEVICES = 50;

export function deviceNews(seen: SeenDevices, current: ReadonlyMap<string, readonly string[]>): DeviceNews {
	const withNewDevices: string[] = [];
	const next: Record<string, readonly string[]> = { ...seen };
	for (const [member, devices] of current) {
		const before = seen[member];
		if (before !== undefined && devices.some((device) => !before.includes(device))) withNewDevices.push(member);
		next[member] = [...new Set([...devices, ...(before ?? [])])].slice(0, MAX_SEEN_DEVICES);
	}
	return { withNewDevices, seen: next };
}
