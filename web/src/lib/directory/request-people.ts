// The people of a requested authority the new-request form offers to invite,
// from the directories: only those with a Matrix ID; central-authority
// officers and focal points first, then the reachable now, then by name; the
// same person listed in two networks' directories once. Pure.
import type { PersonEntry } from '#policies/directory/types.ts';
import { reachability, reachableNow, type DirectoryView, type Reachability } from './core.ts';

export interface OfferedPerson {
	readonly person: PersonEntry & { readonly matrixId: string };
	readonly reachability: Reachability;
}

const FIRST = new Set<string>(['central-authority-officer', 'focal-point', 'focal-point-24-7']);

export function requestPeople(views: readonly DirectoryView[], authority: string, now: Date): OfferedPerson[] {
	const seen = new Set<string>();
	const offered: OfferedPerson[] = [];
	for (const view of views)
		for (const { entry } of view.people) {
			const matrixId = entry.matrixId;
			if (entry.authority !== authority || matrixId === undefined || seen.has(matrixId)) continue;
			seen.add(matrixId);
			offered.push({ person: { ...entry, matrixId }, reachability: reachability(entry, now) });
		}
	const score = (o: OfferedPerson) => (o.person.roles.some((r) => FIRST.has(r)) ? 0 : 2) + (reachableNow(o.reachability) ? 0 : 1);
	return offered.sort((a, b) => score(a) - score(b) || a.person.name.localeCompare(b.person.name));
}
