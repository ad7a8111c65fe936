// The aria-describedby of a field: the ids of its hint and its problem, those it has.
export function describedBy(id: string, hint: string | undefined, problem: string | undefined): string | undefined {
	const ids = [hint === undefined ? '' : `${id}-hint`, problem === undefined ? '' : `${id}-problem`].filter((part) => part !== '');
	return ids.length === 0 ? undefined : ids.join(' ');
}
