/**
 * The API's error messages (the `message` of `{error: {code, message}}`), English and French.
 * Codes never change with the language; only these texts do.
 */
import { defineMessages } from './define-messages';

/** The words of protocol states and steps inside lifecycle messages. */
export const lifecycleWords = defineMessages({
  draft: { en: 'draft', fr: 'ébauche' },
  in_review: { en: 'in review', fr: 'en révision' },
  approved: { en: 'approved', fr: 'approuvé' },
  published: { en: 'published', fr: 'publié' },
  propose_review: { en: 'propose review', fr: 'proposer la révision' },
  withdraw: { en: 'withdraw', fr: 'retirer' },
  request_changes: { en: 'request changes', fr: 'demander des modifications' },
  approve: { en: 'approve', fr: 'approuver' },
  publish: { en: 'publish', fr: 'publier' },
  unpublish: { en: 'unpublish', fr: 'dépublier' },
  start_revision: { en: 'start revision', fr: 'commencer une révision' }
});

export const apiMessages = defineMessages({
  // The request itself
  bodyTooLarge: { en: 'The request body is larger than {kib} KiB', fr: 'Le corps de la requête dépasse {kib} Kio' },
  bodyNotJson: { en: 'The request body is not valid JSON', fr: 'Le corps de la requête n’est pas du JSON valide' },
  fieldProblem: { en: '{field}: {problem}', fr: '{field} : {problem}' },
  requestInterrupted: { en: 'The request was interrupted', fr: 'La requête a été interrompue' },
  requestRefused: { en: 'Request refused', fr: 'Requête refusée' },
  internal: { en: 'Something went wrong on the server', fr: 'Une erreur s’est produite sur le serveur' },
  noSuchEndpoint: { en: 'No such API endpoint', fr: 'Ce point d’accès de l’API n’existe pas' },
  badOrigin: { en: 'Requests from this origin are not allowed', fr: 'Les requêtes de cette origine ne sont pas permises' },
  databaseBusy: {
    en: 'The server’s storage is busy. Try again in a few seconds.',
    fr: 'Le stockage du serveur est occupé. Réessayez dans quelques secondes.'
  },

  // Signing in and the account
  signInToContinue: { en: 'Sign in to continue', fr: 'Connectez-vous pour continuer' },
  wrongCredentials: { en: 'The email or password is not right', fr: 'Le courriel ou le mot de passe est incorrect' },
  tooManySignIns: {
    en: 'Too many failed sign-in attempts. Try again later.',
    fr: 'Trop de tentatives de connexion échouées. Réessayez plus tard.'
  },
  signInsInFlight: {
    en: 'Too many sign-in attempts at once. Try again in a moment.',
    fr: 'Trop de tentatives de connexion en même temps. Réessayez dans un instant.'
  },
  tooManyPasswordChecks: {
    en: 'Too many failed password attempts. Try again later.',
    fr: 'Trop de tentatives de mot de passe échouées. Réessayez plus tard.'
  },
  passwordChecksBusy: {
    en: 'The server is checking too many passwords at once. Try again in a few seconds.',
    fr: 'Le serveur vérifie trop de mots de passe à la fois. Réessayez dans quelques secondes.'
  },
  noSuchSession: { en: 'No such session', fr: 'Cette session n’existe pas' },
  noSuchUser: { en: 'No such user', fr: 'Ce compte n’existe pas' },
  emailTaken: { en: 'An account with this email already exists', fr: 'Un compte existe déjà avec ce courriel' },
  emailTakenSignIn: {
    en: 'An account with this email already exists: sign in, then open the link again',
    fr: 'Un compte existe déjà avec ce courriel : connectez-vous, puis ouvrez le lien de nouveau'
  },

  // COPs, members, invitations, requests to join
  noSuchCop: { en: 'No such COP', fr: 'Cette CdP n’existe pas' },
  copArchived: { en: 'This COP is archived', fr: 'Cette CdP est archivée' },
  onlyMembersHaveProfile: {
    en: 'Only members of this COP have a profile in its roster',
    fr: 'Seules les personnes membres de cette CdP ont un profil dans son répertoire'
  },
  workspaceTooLarge: {
    en: 'This COP’s workspace has reached its size limit',
    fr: 'L’espace de travail de cette CdP a atteint sa taille maximale'
  },
  serverClosing: { en: 'The server is shutting down. Try again in a moment.', fr: 'Le serveur s’arrête. Réessayez dans un moment.' },
  notAllowedTo: { en: 'You are not allowed to {what}', fr: 'Votre rôle ne vous permet pas de faire ceci : {what}' },
  onlyManagerCan: { en: 'Only the programme manager can {what}', fr: 'Seule la ou le gestionnaire du programme peut {what}' },
  onlyManagerAppointsFacilitators: {
    en: 'Only the programme manager appoints facilitators',
    fr: 'Seule la ou le gestionnaire du programme nomme les responsables de l’animation'
  },
  onlyManagerChangesFacilitators: {
    en: 'Only the programme manager appoints or changes facilitators',
    fr: 'Seule la ou le gestionnaire du programme nomme ou change les responsables de l’animation'
  },
  onlyManagerRemovesFacilitator: {
    en: 'Only the programme manager removes a facilitator',
    fr: 'Seule la ou le gestionnaire du programme retire une personne responsable de l’animation'
  },
  noAccountWithEmail: {
    en: 'No account has this email; send an invitation instead',
    fr: 'Aucun compte n’a ce courriel ; envoyez plutôt une invitation'
  },
  notMember: { en: 'Not a member of this COP', fr: 'Cette personne n’est pas membre de cette CdP' },
  alreadyMember: { en: 'Already a member of this COP', fr: 'Cette personne est déjà membre de cette CdP' },
  youAreAlreadyMember: { en: 'You are already a member of this COP', fr: 'Vous êtes déjà membre de cette CdP' },
  alreadyAskedToJoin: { en: 'You have already asked to join this COP', fr: 'Vous avez déjà demandé à vous joindre à cette CdP' },
  noSuchPendingRequest: { en: 'No such pending request', fr: 'Cette demande en attente n’existe pas' },
  invitationNotValid: {
    en: 'This invitation is not valid any more: it may have expired, been used up or revoked',
    fr: 'Cette invitation n’est plus valide : elle a peut-être expiré, été entièrement utilisée ou révoquée'
  },
  invitationCopArchived: {
    en: 'This invitation is not valid any more: its COP is archived',
    fr: 'Cette invitation n’est plus valide : sa CdP est archivée'
  },
  noSuchInvitation: { en: 'No such invitation', fr: 'Cette invitation n’existe pas' },

  // The library
  noSuchFile: { en: 'No such file', fr: 'Ce fichier n’existe pas' },
  copStorageFull: {
    en: 'This COP’s storage is full ({used} of {quota} used), so this file was not kept. Remove files or documents the COP no longer needs, or ask the programme manager for more room.',
    fr: 'L’espace de stockage de cette CdP est plein ({used} sur {quota} utilisés); ce fichier n’a donc pas été conservé. Retirez les fichiers ou les documents dont la CdP n’a plus besoin, ou demandez plus d’espace à la personne gestionnaire du programme.'
  },
  fileTooLarge: { en: 'The file is larger than {max} bytes', fr: 'Le fichier dépasse {max} octets' },
  fileTypeRefused: {
    en: 'This kind of file is not accepted: use PDF, an office document (Word, Excel, PowerPoint, OpenDocument), an image (PNG, JPEG, GIF, WebP) or text (.txt, .csv, .md)',
    fr: 'Ce type de fichier n’est pas accepté : utilisez un PDF, un document de bureautique (Word, Excel, PowerPoint, OpenDocument), une image (PNG, JPEG, GIF, WebP) ou du texte (.txt, .csv, .md)'
  },
  fileIdTaken: { en: 'Another file already has this id', fr: 'Un autre fichier a déjà cet identifiant' },
  onlyAdderOrFacilitatorDeletes: {
    en: 'Only the person who added a file or a facilitator can delete it',
    fr: 'Seule la personne qui a ajouté un fichier ou une personne responsable de l’animation peut le supprimer'
  },

  // Protocols, the Resource Centre, events, exports
  noSuchProtocol: { en: 'No such protocol in this COP', fr: 'Ce protocole n’existe pas dans cette CdP' },
  protocolOfAnotherCop: { en: 'This protocol belongs to another COP', fr: 'Ce protocole appartient à une autre CdP' },
  roleCannotMoveProtocol: { en: 'Your role cannot {action} a protocol', fr: 'Votre rôle ne vous permet pas de faire ceci à un protocole : {action}' },
  protocolCannotMove: {
    en: 'A protocol that is {state} cannot be moved by "{action}"',
    fr: 'Un protocole à l’état « {state} » ne peut pas passer par « {action} »'
  },
  approvedBeforePins: {
    en: 'This protocol was approved before approvals kept the reviewed text: send it back for changes and approve it again',
    fr: 'Ce protocole a été approuvé avant que les approbations conservent le texte révisé : renvoyez-le pour modifications, puis approuvez-le de nouveau'
  },
  authorsNotMembers: {
    en: 'authors: {ids} not a member of this COP; authors must be people of the publishing COP',
    fr: 'authors : {ids} ne fait pas partie de cette CdP; les auteurs et autrices doivent faire partie de la CdP qui publie'
  },
  noSuchResourceItem: { en: 'No such item in the Resource Centre', fr: 'Cet élément n’existe pas dans le Centre de ressources' },
  noSuchPublishedItem: { en: 'No such published item', fr: 'Cet élément publié n’existe pas' },
  noSuchVersion: { en: 'No such version', fr: 'Cette version n’existe pas' },
  noSuchEvent: { en: 'No such event', fr: 'Cet événement n’existe pas' },
  noSuchPresentation: { en: 'No such presentation', fr: 'Cette présentation n’existe pas' },
  noSuchMeeting: { en: 'No such meeting', fr: 'Cette réunion n’existe pas' },
  exportsBusy: {
    en: 'The server is building too many exports at once. Try again in a few seconds.',
    fr: 'Le serveur produit trop d’exportations à la fois. Réessayez dans quelques secondes.'
  }
});
