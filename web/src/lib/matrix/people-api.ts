// What the people's trust and verification (lib/people/) need of this folder
// at run time, in one module to import lazily, like api.ts for the session.
export { SasVerification, type SasState, type ScanProblem } from './verification.ts';
export { joinDirectRoomsFromKnownPeople, requestUserVerification, watchUserVerificationRequests } from './user-verification.ts';
export { acceptNewIdentity, readUserTrust, watchUserTrust, type UserTrust } from './user-trust.ts';
export { requestBotVerification } from './bot-verification.ts';
