/**
 * The words the server writes into exports, English and French side by side: the headings and
 * labels of meeting minutes (Markdown, DOCX, the records zip) and the texts of calendars (.ics).
 * People's own text (titles, minutes, descriptions) is never translated; only these labels are.
 */
import { defineMessages } from './define-messages';

export const minutesMessages = defineMessages({
  agenda: { en: 'Agenda', fr: 'Ordre du jour' },
  minutes: { en: 'Minutes', fr: 'Procès-verbal' },
  decisions: { en: 'Decisions', fr: 'Décisions' },
  decisionsOfItem: { en: 'Decisions:', fr: 'Décisions :' },
  generalDecisions: { en: 'Decisions — General', fr: 'Décisions — Général' },
  actions: { en: 'Action items', fr: 'Suivis' },
  attendance: { en: 'Attendance', fr: 'Présences' },
  due: { en: 'due {date}', fr: 'échéance : {date}' },
  done: { en: 'done', fr: 'fait' },
  // Nouns in French, so that a status names no gender (épicène).
  present: { en: 'present', fr: 'présence' },
  absent: { en: 'absent', fr: 'absence' },
  regrets: { en: 'regrets', fr: 'absence motivée' },
  // Shown instead of a date a member's device wrote in a form the server cannot read.
  unreadableTime: { en: 'date and time not readable ({value})', fr: 'date et heure illisibles ({value})' }
});

export const calendarMessages = defineMessages({
  name: { en: 'Atelier — learning events', fr: 'Atelier — événements d’apprentissage' },
  runningOrder: { en: 'Running order:', fr: 'Ordre de passage :' },
  minutes: { en: '{n} min', fr: '{n} min' },
  fair: { en: 'Excellence Fair', fr: 'Foire de l’excellence' },
  quarterly: { en: 'Quarterly Learning Event', fr: 'Événement d’apprentissage trimestriel' }
});

export const recordsMessages = defineMessages({
  // The records zip's note on items it could not render, so a bad item never fails the export.
  problemsFile: {
    en: 'Items that could not be exported as they are stored:',
    fr: 'Éléments qui n’ont pas pu être exportés tels qu’ils sont enregistrés :'
  },
  meetingUnreadable: { en: 'meeting {id}: {problem}', fr: 'réunion {id} : {problem}' },
  documentUnreadable: { en: '{kind} {id}: {problem}', fr: '{kind} {id} : {problem}' },
  note: { en: 'note', fr: 'note' },
  protocol: { en: 'protocol', fr: 'protocole' }
});
