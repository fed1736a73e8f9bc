/**
 * @atelier/workspace — the COP workspace model shared by the web app, the sync server and tests.
 * Everything a caller may use is listed here by name; other modules are internal.
 */
export { copDocName, DocNameError, MAX_DOC_NAME_BYTES, parseDocName, workspaceDocName } from './doc-name';
export type { DocName } from './doc-name';

export { LOCAL_CHANGE, MIGRATION_CHANGE } from './origin';
export type { ChangeOrigin } from './origin';
export { WorkspaceValidationError } from './validation-error';
export { META_KEY, SCHEMA_VERSION, schemaVersionOf } from './meta';
export { isFromNewerVersion, migrateWorkspace } from './migrations';
export { sweepOrphans } from './sweep';

export {
  CONTACT_CHANNELS,
  EXPERIENCE,
  ORDERS_OF_GOVERNMENT,
  readProfile,
  readProfiles,
  ROSTER_KEY,
  rosterMap,
  updateProfile
} from './roster';
export type { ContactChannel, OrderOfGovernment, ProfilePatch, RosterExperience, RosterProfile } from './roster';

export { createMeeting, deleteMeeting, isIsoDateTime, isTimeZone, listMeetings, MEETINGS_KEY, meetingsMap, nextMeeting, readMeeting, updateMeeting } from './meetings';
export type { Meeting, MeetingInput } from './meetings';
export { createMeetingFromTemplate } from './meeting-template';

export {
  addAgendaItem,
  AGENDA_KEY,
  agendaItemExists,
  agendaItemsMap,
  agendaItemText,
  deleteAgendaItem,
  listAgenda,
  moveAgendaItem,
  updateAgendaItem
} from './agenda';
export type { AgendaItem, AgendaItemInput } from './agenda';
export { readMeetingMode, setCurrentItem, stepCurrentItem } from './meeting-mode';
export type { MeetingModeState } from './meeting-mode';

export { addDecision, decisionsMap, DECISIONS_KEY, deleteDecision, listDecisions, updateDecision } from './decisions';
export type { Decision } from './decisions';
export { ATTENDANCE_KEY, ATTENDANCE_STATUSES, attendanceMap, markAttendance, readAttendance } from './attendance';
export type { AttendanceStatus } from './attendance';

export {
  ACTION_STATUSES,
  actionItemsMap,
  actionItemsOfMeeting,
  ACTIONS_KEY,
  addActionItem,
  deleteActionItem,
  listActionItems,
  listOpenActionItems,
  rolledForwardActionItems,
  updateActionItem
} from './action-items';
export type { ActionItem, ActionItemInput, ActionStatus } from './action-items';

export {
  addExpense,
  deleteExpense,
  EXPENSE_CATEGORIES,
  EXPENSES_KEY,
  expensesMap,
  listExpenses,
  MAX_EXPENSE_CENTS,
  setSharer,
  updateExpense
} from './expenses';
export type { Expense, ExpenseCategory, ExpenseInput, ExpensePatch } from './expenses';
export { netBalances, settle } from './balances';
export type { Transfer } from './balances';
export { EXPENSES_CSV_KEYS, expensesToCsv } from './expenses-csv';
export type { ExpensesCsvHeaders } from './expenses-csv';
export { BALANCES_CSV_KEYS, balancesToCsv } from './balances-csv';
export type { BalancesCsvHeaders } from './balances-csv';
export { csvCell, csvDecimal, csvDollars, csvFile, isFormulaLike, UTF8_BOM } from './csv';
export type { CsvNumber, CsvValue } from './csv';

export {
  addLibraryFile,
  addLibraryLink,
  deleteLibraryItem,
  LIBRARY_KEY,
  LIBRARY_LANGUAGES,
  LIBRARY_LINKS_KEY,
  LIBRARY_TAGS_KEY,
  libraryMap,
  LINK_TARGETS,
  linkedLibraryItems,
  linkLibraryItem,
  listLibrary,
  searchLibrary,
  setLibraryTag,
  updateLibraryItem
} from './library';
export type { LibraryFile, LibraryItem, LibraryLanguage, LibraryLink, LinkTarget, NewLibraryFile, NewLibraryLink } from './library';

export {
  createDocument,
  documentDocName,
  DOCUMENT_KINDS,
  DOCUMENTS_KEY,
  documentsMap,
  listDocuments,
  markTranslationCurrent,
  pairProtocols,
  readDocument,
  RICH_TEXT_FIELD,
  touchDocument,
  translationStatus,
  updateDocument
} from './documents';
export type { CopDocument, DocumentKind, TranslationStatus } from './documents';

export {
  addCommentThread,
  commentsMap,
  COMMENTS_KEY,
  deleteComment,
  listCommentThreads,
  MAX_COMMENT_LENGTH,
  normaliseAnchor,
  replyToThread,
  resolveAnchorInText,
  setThreadResolved,
  threadAnchor
} from './document-comments';
export type { CommentAnchor, CommentAuthor, CommentThread, DocumentComment } from './document-comments';
export {
  addVersion,
  contentFingerprint,
  listVersions,
  MAX_AUTOMATIC_VERSIONS,
  nameVersion,
  pruneAutomaticVersions,
  versionContent,
  versionsMap,
  VERSIONS_KEY
} from './document-versions';
export type { DocumentVersion } from './document-versions';
export { documentPlainText } from './document-text';
export {
  listRecentlyDeleted,
  pruneRecentlyDeleted,
  RECENTLY_DELETED_DAYS,
  RECENTLY_DELETED_KEY,
  recentlyDeletedMap,
  restoreDeleted,
  setDeletionAuthor
} from './recently-deleted';
export type { DeletedEntry, DeletedKind } from './recently-deleted';
export {
  expenseAuthor,
  MEETING_RUN_FIELDS,
  mayChangeExpense,
  mayDeleteAgendaItem,
  mayDeleteMeeting,
  mayMarkAttendance,
  mayRunMeeting,
  refusedWorkspaceChange,
  runsMeetings
} from './meeting-roles';
export type { RefusedChange, RefusedReason, WorkspaceActor } from './meeting-roles';
export { separateMergedAgendaLines, separateMergedLines } from './minutes-lines';

export { formatTimeOfDay, formatZoned, formatZonedRange, zoneLabel } from './zoned-format';
export type { DatePart, DisplayLanguage } from './zoned-format';
