/** Messages of venue hubs at central and at the hub (docs/venue.md), English and French. */
import { defineMessages } from './define-messages';

export const venueMessages = defineMessages({
  noSuchVenueDevice: { en: 'No such venue hub for this COP', fr: 'Aucun concentrateur de salle de ce nom pour cette CdP' },
  managerPassNamesCops: {
    en: 'cops: the programme manager’s pass must name its COPs (at most {max})',
    fr: 'cops : le laissez-passer de la gestionnaire ou du gestionnaire du programme doit nommer ses CdP (au plus {max})'
  },
  noCopsForPass: {
    en: 'You are not a member of any COP, so there is nothing a venue pass could open',
    fr: 'Vous n’êtes membre d’aucune CdP : un laissez-passer de salle n’ouvrirait rien'
  }
});
