/** Le programme de la COP de démonstration en français (gestion du changement). Tous les noms sont inventés. */
import { richText, type DemoProgramme } from './demo-spec';

export const GESTION_CHANGEMENT: DemoProgramme = {
  cop: 'Communauté de pratique en gestion du changement',
  profiles: {
    helene: { organisation: 'Emploi et Développement social (fictif)', orderOfGovernment: 'federal', expertise: 'Accompagnement des équipes, communication interne' },
    lucie: { organisation: 'Ville de Rivière-Claire (fictive)', orderOfGovernment: 'municipal', expertise: 'Transformation des services aux citoyennes et citoyens' },
    sophie: { organisation: 'Ministère de la Cybersécurité et du Numérique (fictif)', orderOfGovernment: 'provincial', expertise: 'Formation et adoption des outils' },
    marc: { organisation: 'Ministère des Transports (fictif)', orderOfGovernment: 'provincial', expertise: 'Gestion des parties prenantes' }
  },
  meeting: {
    title: 'Séance de travail : annoncer un changement',
    daysAgo: 9,
    startsAt: '09:30',
    timeZone: 'America/Toronto',
    durationMinutes: 90,
    venue: 'Salle 210, 200, rue de la Gare, Gatineau (fictive) et en ligne',
    agenda: [
      {
        title: 'Tour de table : un changement annoncé trop tôt ou trop tard',
        presenter: 'helene',
        plannedMinutes: 25,
        notes: 'Deux minutes chacun et chacune : ce qui a été annoncé, à qui, et la réaction.',
        minutes:
          'Quatre membres ont raconté une annonce. Constat commun : les gestionnaires l’apprennent souvent en même temps que leurs équipes. Lucie a décrit la fusion de deux comptoirs de service à Rivière-Claire : une séance d’information préalable avec les gestionnaires a réduit les plaintes de moitié.'
      },
      {
        title: 'Protocole en cours : plan de communication du changement',
        presenter: 'sophie',
        plannedMinutes: 40,
        notes: 'Relire l’ébauche section par section.',
        minutes:
          'Sophie a présenté l’ébauche. Le groupe retient trois moments d’annonce (gestionnaires, équipes, public) et un calendrier sur six semaines. Marc propose une fiche de questions et réponses mise à jour chaque semaine; adopté.'
      },
      {
        title: 'Prochaine activité d’apprentissage',
        presenter: 'lucie',
        plannedMinutes: 15,
        notes: 'Présentation de vingt minutes.',
        minutes: 'La communauté présentera le protocole publié sur l’accueil des nouvelles personnes dans une équipe en transformation.'
      }
    ],
    decisions: [
      { item: 1, text: 'Les gestionnaires sont informés au moins une semaine avant les équipes.' },
      { item: 1, text: 'Une fiche de questions et réponses accompagne chaque annonce et est mise à jour chaque semaine.' },
      { item: 2, text: 'Lucie et Marc-André présentent le protocole publié à la prochaine activité d’apprentissage.' }
    ],
    actions: [
      { item: 1, what: 'Rédiger le modèle de fiche de questions et réponses', owner: 'marc', dueInDays: 7 },
      { item: 1, what: 'Ajouter le calendrier sur six semaines à l’ébauche', owner: 'sophie', dueInDays: 12 },
      { item: 0, what: 'Partager le bilan de la fusion des comptoirs de service', owner: 'lucie', dueInDays: -2, done: true },
      { item: 2, what: 'Réserver une plage à l’activité d’apprentissage', owner: 'helene', dueInDays: 4 }
    ],
    attendance: { helene: 'present', lucie: 'present', sophie: 'present', marc: 'present', olivier: 'regrets', amara: 'absent' }
  },
  upcoming: {
    title: 'Séance de travail : le calendrier sur six semaines',
    inDays: 14,
    startsAt: '09:30',
    durationMinutes: 90,
    venue: 'En ligne',
    agenda: [
      { title: 'Le calendrier sur six semaines', presenter: 'sophie', plannedMinutes: 35 },
      { title: 'Modèle de fiche de questions et réponses', presenter: 'marc', plannedMinutes: 25 },
      { title: 'Répétition pour l’activité d’apprentissage', presenter: 'lucie', plannedMinutes: 20 }
    ]
  },
  expenses: [
    { what: 'Location de la salle, demi-journée', category: 'venue', cents: 28000, paidBy: 'helene', sharedAmong: ['helene', 'lucie', 'sophie', 'marc'], daysAgo: 9, atMeeting: true },
    { what: 'Café et viennoiseries', category: 'other', cents: 6240, paidBy: 'lucie', sharedAmong: ['helene', 'lucie', 'sophie', 'marc'], daysAgo: 9, atMeeting: true },
    { what: 'Animation par une consultante, atelier d’une heure', category: 'consultant', cents: 45000, paidBy: 'marc', sharedAmong: ['helene', 'marc', 'sophie'], daysAgo: 30 }
  ],
  note: {
    title: 'Idées en attente',
    by: 'sophie',
    body: richText(
      '# Questions à reprendre',
      '- Comment mesurer l’adhésion des équipes après une annonce?\n- Quels gabarits les municipalités peuvent-elles réutiliser?\n- Comment annoncer un changement dans les deux langues officielles en même temps?',
      'Ajoutez vos questions ci-dessous; nous en choisissons deux au début de chaque séance.'
    )
  },
  draft: {
    title: 'Plan de communication du changement',
    by: 'sophie',
    body: richText(
      '# Objet',
      'Annoncer un changement aux bonnes personnes, dans le bon ordre, sans surprise pour les gestionnaires.',
      '# Les trois moments',
      '- Les gestionnaires, une semaine avant\n- Les équipes touchées\n- Le public et les partenaires',
      'Ébauche : le calendrier sur six semaines reste à ajouter.'
    )
  },
  published: {
    language: 'fr',
    by: 'lucie',
    facilitator: 'helene',
    summary: {
      fr: 'Les trois premières semaines d’une nouvelle personne dans une équipe en transformation : qui l’accueille, ce qu’on lui explique et quand.',
      en: 'A newcomer’s first three weeks in a team going through change: who welcomes them, what they are told and when.'
    },
    text: {
      fr: {
        title: 'Accueillir une nouvelle personne dans une équipe en transformation',
        body: richText(
          '# Pourquoi',
          'Une personne qui arrive pendant un changement apprend deux choses à la fois : son poste et la transformation. Un accueil planifié lui évite de recevoir des messages contradictoires.',
          '# Les trois semaines',
          '- Semaine 1 : une personne-ressource désignée et une présentation du changement en cours\n- Semaine 2 : une rencontre avec la gestionnaire ou le gestionnaire sur ce qui change pour son poste\n- Semaine 3 : un bilan de quinze minutes et des questions ouvertes',
          '# Ce qu’il faut éviter',
          'Remettre la documentation du changement sans explication, ou attendre la fin de la transformation pour accueillir.'
        )
      },
      en: {
        title: 'Welcoming a newcomer to a team going through change',
        body: richText(
          '# Why',
          'Someone who joins during a change learns two things at once: the job and the transformation. A planned welcome spares them contradictory messages.',
          '# The three weeks',
          '- Week 1: a named contact person and an overview of the change under way\n- Week 2: a meeting with their manager on what changes for their position\n- Week 3: a fifteen-minute check-in and open questions',
          '# What to avoid',
          'Handing over the change documents without explanation, or waiting for the transformation to end before welcoming them.'
        )
      }
    }
  },
  file: {
    title: 'Gabarit : fiche de questions et réponses',
    description: 'La fiche qui accompagne chaque annonce, mise à jour chaque semaine.',
    fileName: 'fiche-questions-reponses.pdf',
    tags: ['gabarit', 'communication'],
    by: 'marc',
    lines: [
      'Fiche de questions et réponses (gabarit)',
      '',
      'Changement annoncé : ____________________',
      'Mise à jour du : ____________________',
      '1. Qu’est-ce qui change, et à partir de quand?',
      '2. Qu’est-ce qui ne change pas?',
      '3. À qui poser mes questions?',
      '',
      'Communauté de pratique en gestion du changement - document fictif de démonstration'
    ]
  },
  presentation: { title: 'Accueillir pendant une transformation : trois semaines planifiées', presenters: 'Lucie Bergeron, Marc-André Pelletier', minutes: 20 }
};
