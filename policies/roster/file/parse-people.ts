// parsePeople: a people file's text → the people document, or every problem
// found, each with the file, key path and line. Whether its authority and
// networks are the site's and the roster's is checked later (site-checks.ts).
import type { Result } from '../../result.ts';
import { ROLES } from '../types.ts';
import type { RosterError } from './errors.ts';
import { parseWith } from './parse-document.ts';
import { list, oneOf, optional, record, required, text, type Problem } from './read.ts';
import type { PeopleDocument, PersonEntry } from './people-document.ts';
import { authorityId, email, language, localpart, networkId } from './values.ts';

const person = record({
	localpart: required('localpart', localpart),
	displayName: required('display_name', text()),
	roles: required('roles', list(oneOf(ROLES), { nonEmpty: 'A person needs at least one role.' })),
	language: required('language', language),
	secretariatOf: optional('secretariat_of', networkId),
	email: optional('email', email),
});

const peopleShape = record({
	authority: required('authority', authorityId),
	people: required('people', list(person)),
});

function checkPeople(people: readonly PersonEntry[], lines: ReadonlyMap<string, number>): Problem[] {
	const problems: Problem[] = [];
	const add = (path: string, message: string) => problems.push({ path, line: lines.get(path) ?? 1, message });
	const first = new Map<string, number>();
	people.forEach((p, i) => {
		// NOTE: Synapse keeps localparts lower case, so "Ana.Lopez" and "ana.lopez" are one account.
		const key = p.localpart.toLowerCase();
		const earlier = first.get(key);
		if (earlier === undefined) first.set(key, i);
		else
			add(
				`people[${i}].localpart`,
				`"${p.localpart}" is already listed at people[${earlier}] (line ${lines.get(`people[${earlier}].localpart`)}).`,
			);
		p.roles.forEach((role, j) => {
			if (p.roles.indexOf(role) !== j) add(`people[${i}].roles[${j}]`, `the role "${role}" is listed twice.`);
		});
		const runs = p.roles.includes('secretariat');
		if (p.secretariatOf !== undefined && !runs)
			add(
				`people[${i}].secretariat_of`,
				'only an account with the secretariat role runs a network’s secretariat; add the role or remove this key.',
			);
		if (p.secretariatOf === undefined && runs)
			add(`people[${i}].roles`, 'an account with the secretariat role names its network in secretariat_of.');
	});
	return problems;
}

export function parsePeople(text: string, file: string): Result<PeopleDocument, RosterError[]> {
	return parseWith(text, file, peopleShape, (shaped, lines) => ({
		document: { ...shaped, source: { file, lines } },
		problems: checkPeople(shaped.people, lines),
	}));
}
