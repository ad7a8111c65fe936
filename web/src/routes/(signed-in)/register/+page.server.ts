// The register page's data: the signed-in person's access (from their server
// session and roster roles), then the requests of their authority's register,
// filtered by the query (?status=…&kind=…). A refusal is a 403 that the error
// page explains.
import { registerAccess } from '#lib/server/register/access.ts';
import { filterFromQuery } from '#lib/server/register/filter.ts';
import { refuse } from '#lib/server/register/refuse.ts';
import { listData } from '#lib/server/register/page-data.ts';
import { logRegisterProblem, openAuthorityRegister } from '#lib/server/register/server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const access = registerAccess(locals.user);
	if (access.kind === 'no-session') return { access: access.kind, authority: undefined, register: undefined };
	if (access.kind === 'refused') refuse(access);
	const filter = filterFromQuery(url.searchParams);
	return {
		access: access.kind,
		authority: access.authority,
		filter: { status: filter.status ?? '', kind: filter.kind ?? '' },
		register: listData(access, openAuthorityRegister, filter, logRegisterProblem),
	};
};
