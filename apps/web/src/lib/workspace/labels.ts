/** The words for the workspace model's values (orders of government, categories…) in the UI language. */
import { m } from '$lib/paraglide/messages.js';
import {
  WorkspaceValidationError,
  type AttendanceStatus,
  type ContactChannel,
  type DeletedKind,
  type ExpenseCategory,
  type OrderOfGovernment,
  type RosterExperience
} from '@atelier/workspace';
import type { ChangeArea } from './recent-changes.svelte';

export function orderLabel(order: OrderOfGovernment | ''): string {
  if (order === '') return m.ws_not_set();
  return {
    federal: m.ws_order_federal,
    provincial: m.ws_order_provincial,
    territorial: m.ws_order_territorial,
    'first-nations': m.ws_order_first_nations,
    municipal: m.ws_order_municipal,
    other: m.ws_order_other
  }[order]();
}

export function experienceLabel(experience: RosterExperience | ''): string {
  if (experience === '') return m.ws_not_set();
  return { experienced: m.experience_experienced, learning: m.experience_learning }[experience]();
}

export function contactLabel(channel: ContactChannel | ''): string {
  if (channel === '') return m.ws_not_set();
  return {
    email: m.ws_contact_email,
    phone: m.ws_contact_phone,
    'text-message': m.ws_contact_text,
    'video-call': m.ws_contact_video,
    'in-person': m.ws_contact_in_person
  }[channel]();
}

export function categoryLabel(category: ExpenseCategory): string {
  return { venue: m.ws_category_venue, tools: m.ws_category_tools, consultant: m.ws_category_consultant, other: m.ws_category_other }[category]();
}

export function deletedKindLabel(kind: DeletedKind): string {
  return { meeting: m.ws_kind_meeting, agendaItem: m.ws_kind_agenda_item, decision: m.ws_kind_decision, action: m.ws_kind_action, expense: m.ws_kind_expense }[kind]();
}

export function attendanceLabel(status: AttendanceStatus | null): string {
  if (status === null) return m.ws_not_marked();
  return { present: m.ws_present, absent: m.ws_absent, regrets: m.ws_regrets }[status]();
}

export function areaLabel(area: ChangeArea): string {
  return {
    meetings: m.ws_area_meetings,
    agenda: m.ws_area_agenda,
    decisions: m.ws_area_decisions,
    attendance: m.ws_area_attendance,
    actions: m.ws_area_actions,
    costs: m.ws_area_costs,
    roster: m.ws_area_roster
  }[area]();
}

/** A model validation error as a message for the field it names (the model speaks English only). */
export function validationMessage(error: unknown): { field: string; text: string } | null {
  if (!(error instanceof WorkspaceValidationError)) return null;
  const required = /is required/.test(error.message);
  const text =
    error.field === 'amountCents'
      ? m.ws_error_amount()
      : error.field === 'onlineLink'
        ? m.ws_error_link()
        : error.field === 'sharedAmong'
          ? m.ws_error_sharers()
          : error.field === 'plannedMinutes'
            ? m.ws_error_minutes()
            : error.field === 'date' || error.field === 'dueDate' || error.field === 'startsAt'
              ? m.ws_error_date()
              : required
                ? m.ws_error_required()
                : m.ws_error_invalid();
  return { field: error.field, text };
}
