/**
 * What a person tried to do, for "You are not allowed to …" and "Only the programme manager can
 * …". Handlers name the action by its English phrase (`requireCopStanding(…, 'invite people')`);
 * the phrase must be listed here, so a new one does not compile until it has its French.
 */
import { defineMessages } from './define-messages';

const phrase = <const E extends string, const F extends string>(en: E, fr: F) => ({ en, fr });

export const copActions = defineMessages({
  'add an existing account to a COP (facilitators invite by link)': phrase(
    'add an existing account to a COP (facilitators invite by link)',
    'ajouter un compte existant à une CdP (les responsables de l’animation invitent par lien)'
  ),
  'add files to this COP': phrase('add files to this COP', 'ajouter des fichiers à cette CdP'),
  'add members': phrase('add members', 'ajouter des membres'),
  'approve requests': phrase('approve requests', 'approuver des demandes'),
  'ask to join': phrase('ask to join', 'demander à se joindre'),
  'cancel learning events': phrase('cancel learning events', 'annuler des événements d’apprentissage'),
  'change learning events': phrase('change learning events', 'modifier des événements d’apprentissage'),
  'change who can see Resource Centre items': phrase(
    'change who can see Resource Centre items',
    'changer qui peut voir les éléments du Centre de ressources'
  ),
  'create a COP': phrase('create a COP', 'créer une CdP'),
  'decline requests': phrase('decline requests', 'refuser des demandes'),
  'edit a COP': phrase('edit a COP', 'modifier une CdP'),
  'edit this COP': phrase('edit this COP', 'modifier cette CdP'),
  'mark attendance in this COP': phrase('mark attendance in this COP', 'indiquer sa présence dans cette CdP'),
  'invite people': phrase('invite people', 'inviter des personnes'),
  'prepare a venue hub for this COP': phrase('prepare a venue hub for this COP', 'préparer un concentrateur de salle pour cette CdP'),
  'see venue hubs': phrase('see venue hubs', 'voir les concentrateurs de salle'),
  'revoke venue hubs': phrase('revoke venue hubs', 'révoquer des concentrateurs de salle'),
  'publish protocols': phrase('publish protocols', 'publier des protocoles'),
  'revoke invitations': phrase('revoke invitations', 'révoquer des invitations'),
  'schedule learning events': phrase('schedule learning events', 'planifier des événements d’apprentissage'),
  'see invitations': phrase('see invitations', 'voir les invitations'),
  'see requests to join': phrase('see requests to join', 'voir les demandes d’adhésion'),
  'see this COP': phrase('see this COP', 'voir cette CdP'),
  'set the running order': phrase('set the running order', 'fixer l’ordre de passage'),
  'sign this COP up to present': phrase('sign this COP up to present', 'inscrire cette CdP pour présenter'),
  'unpublish Resource Centre items': phrase('unpublish Resource Centre items', 'retirer des éléments du Centre de ressources'),
  'withdraw this presentation': phrase('withdraw this presentation', 'retirer cette présentation'),
  "change members' roles": phrase("change members' roles", 'changer le rôle des membres'),
  "delete this COP's files": phrase("delete this COP's files", 'supprimer des fichiers de cette CdP'),
  "export this COP's minutes": phrase("export this COP's minutes", 'exporter les procès-verbaux de cette CdP'),
  "export this COP's protocols": phrase("export this COP's protocols", 'exporter les protocoles de cette CdP'),
  "export this COP's records": phrase("export this COP's records", 'exporter les archives de cette CdP'),
  "read this COP's files": phrase("read this COP's files", 'lire les fichiers de cette CdP'),
  "remove members": phrase("remove members", 'retirer des membres'),
  "see this COP's members": phrase("see this COP's members", 'voir les membres de cette CdP'),
  "see this COP's protocols": phrase("see this COP's protocols", 'voir les protocoles de cette CdP'),
  "work on this COP's protocols": phrase("work on this COP's protocols", 'travailler aux protocoles de cette CdP')
});

/** An action's English phrase, as handlers write it. */
export type CopAction = keyof typeof copActions.templates;
