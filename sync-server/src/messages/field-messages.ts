/**
 * What a field of a request must be, for validation errors (`email: must be an email address`).
 * Valibot schemas take `fieldMessage(...)`: it renders in the language the parse is run with.
 */
import type { Language } from '@atelier/api-types';
import type { LocalText } from './define-messages';
import { defineMessages } from './define-messages';

export const fieldMessages = defineMessages({
  mustBeText: { en: 'must be text', fr: 'doit être du texte' },
  mustBeNumber: { en: 'must be a number', fr: 'doit être un nombre' },
  mustBeWholeNumber: { en: 'must be a whole number', fr: 'doit être un nombre entier' },
  mustBeBoolean: { en: 'must be true or false', fr: 'doit être vrai ou faux' },
  mustBeList: { en: 'must be a list', fr: 'doit être une liste' },
  mustBeObject: { en: 'must be an object', fr: 'doit être un objet' },
  isRequired: { en: '{what} is required', fr: '{what} est obligatoire' },
  aName: { en: 'a name', fr: 'le nom' },
  anAreaOfInterest: { en: 'an area of interest', fr: 'le domaine d’intérêt' },
  atMostChars: { en: 'must be at most {max} characters', fr: 'doit compter au plus {max} caractères' },
  atLeastChars: { en: 'must be at least {min} characters', fr: 'doit compter au moins {min} caractères' },
  atMost: { en: 'must be at most {max}', fr: 'doit être au plus {max}' },
  atLeast: { en: 'must be at least {min}', fr: 'doit être au moins {min}' },
  mustBeEmail: { en: 'must be an email address', fr: 'doit être une adresse courriel' },
  mustBeOneOf: { en: 'must be one of {choices}', fr: 'doit être l’une de ces valeurs : {choices}' },
  mustBeEnOrFr: { en: 'must be "en" or "fr"', fr: 'doit être « en » ou « fr »' },
  mustBeDate: { en: 'must be a date like 2026-03-14', fr: 'doit être une date comme 2026-03-14' },
  unknownField: { en: 'unknown field', fr: 'champ inconnu' },
  notCurrentPassword: { en: 'is not your current password', fr: 'n’est pas votre mot de passe actuel' },
  percentEncodedFileName: { en: 'must be a percent-encoded file name', fr: 'doit être un nom de fichier encodé en pourcentage' },
  fileNameLength: { en: 'must be a file name of 1 to 255 characters', fr: 'doit être un nom de fichier de 1 à 255 caractères' },
  notPublishedItemOfCop: { en: '{id} is not a published item of this COP', fr: '{id} n’est pas un élément publié de cette CdP' },
  mustListEveryPresentation: {
    en: 'must list every presentation of the event exactly once',
    fr: 'doit nommer chaque présentation de l’événement une seule fois'
  },
  invalid: { en: 'is not valid', fr: 'n’est pas valide' },
  required: { en: 'is required', fr: 'est obligatoire' },
  aSummary: { en: 'a summary', fr: 'le résumé' },
  mustBeDateTime: { en: 'must be a date and time like 2026-03-14T13:00:00-05:00', fr: 'doit être une date et une heure comme 2026-03-14T13:00:00-05:00' },
  mustBeTimeZone: { en: 'must be a time zone like America/Toronto', fr: 'doit être un fuseau horaire comme America/Toronto' },
  mustBeEventKind: { en: 'must be "quarterly" or "fair"', fr: 'doit être « quarterly » ou « fair »' },
  mustBeWebAddress: { en: 'must be a web address starting with https://', fr: 'doit être une adresse Web qui commence par https://' },
  mustBeAfterStart: { en: 'must be after startsAt', fr: 'doit être après startsAt' },
  mustBeIdList: { en: 'must be a list of ids', fr: 'doit être une liste d’identifiants' },
  atMostItems: { en: 'must list at most {max}', fr: 'doit en nommer au plus {max}' },
  atLeastOneItem: { en: 'must list at least one', fr: 'doit contenir au moins un élément' },
  mustBeWholeMinutes: { en: 'must be whole minutes from {min} to {max}', fr: 'doit être un nombre entier de minutes de {min} à {max}' },
});

/** A valibot message: rendered in the language passed to `safeParse(…, { lang })`. */
export function fieldMessage(text: LocalText): (issue: { lang?: string }) => string {
  return (issue) => text.in(issue.lang === 'fr' ? 'fr' : ('en' satisfies Language));
}
