// The statistics page's data: the same access rule as the register page, then
// the figures the bridge's register computes for the authority.
import { registerAccess } from '#lib/server/register/access.ts';
import { refuse } from '#lib/server/register/refuse.ts';
import { statisticsData } from '#lib/server/register/page-data.ts';
import { logRegisterProblem, openAuthorityRegister } from '#lib/server/register/server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const access = registerAccess(locals.user);
	if (access.kind === 'no-session') return { access: access.kind, authority: undefined, register: undefined };
	if (access.kind === 'refused') refuse(access);
	return {
		access: access.kind,
		authority: access.authority,
		register: statisticsData(access, openAuthorityRegister, Date.now(), logRegisterProblem),
	};
};
