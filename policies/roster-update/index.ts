// New roster versions published by a network's secretariat and applied by each
// authority (docs/roster-updates.md). Pure.
export {
	parseRosterAnnouncement,
	rosterAnnouncementContent,
	ROSTER_FILE_MAX,
	ROSTER_UPDATE_KEY,
	type RosterAnnouncement,
} from './announcement.ts';
export { judgeAnnouncement, type AnnouncementCheck, type AnnouncementVerdict, type RefusalCode } from './accept.ts';
export { rosterChange, type NetworkChange, type RosterChange } from './change.ts';
