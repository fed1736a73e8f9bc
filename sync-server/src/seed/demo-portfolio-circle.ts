/** The English demo COP's programme (Portfolio Management Circle). Every name is invented. */
import { richText, type DemoProgramme } from './demo-spec';

export const PORTFOLIO_CIRCLE: DemoProgramme = {
  cop: 'Portfolio Management Circle',
  profiles: {
    amara: { organisation: 'Treasury Board Secretariat (invented)', orderOfGovernment: 'federal', expertise: 'Portfolio reviews, investment planning' },
    daniel: { organisation: 'Whitefish Lake First Nation (invented)', orderOfGovernment: 'first-nations', expertise: 'Capital planning for community infrastructure' },
    kwame: { organisation: 'City of Riverside (invented)', orderOfGovernment: 'municipal', expertise: 'Project intake and business cases' },
    priya: { organisation: 'Ministry of Digital Services (invented)', orderOfGovernment: 'provincial', expertise: 'Benefits tracking' },
    grace: { organisation: 'Government of the Northlands (invented)', orderOfGovernment: 'territorial', expertise: 'Risk registers, stage gates' }
  },
  meeting: {
    title: 'Working session: stopping projects well',
    daysAgo: 12,
    startsAt: '13:00',
    timeZone: 'America/Toronto',
    durationMinutes: 120,
    venue: 'Room 4B, 90 Elgin Street, Ottawa (invented) and online',
    agenda: [
      {
        title: 'Round table: one project each of us stopped this year',
        presenter: 'amara',
        plannedMinutes: 30,
        notes: 'Two minutes each: what was stopped, who decided, what it freed up.',
        minutes:
          'Five members shared a stopped project. Common thread: the decision came late because nobody owned the question "should we continue?". Daniel described how the band council stopped a water-plant study once federal funding moved; the money went to road repairs within the same year.'
      },
      {
        title: 'Draft protocol: the quarterly portfolio review',
        presenter: 'grace',
        plannedMinutes: 45,
        notes: 'Walk through the draft section by section; collect objections.',
        minutes:
          'Grace presented the draft. The group agreed on four questions for every review and on a one-page summary per project. Kwame asked for a lighter version for municipalities with fewer than ten projects; agreed as an annex. Priya will bring benefits data from two pilots.'
      },
      {
        title: 'Next Learning Event: what we present',
        presenter: 'priya',
        plannedMinutes: 20,
        notes: 'Twenty minutes slot at the quarterly event.',
        minutes: 'The Circle will present the published review protocol and one worked example from the City of Riverside (invented).'
      }
    ],
    decisions: [
      { item: 1, text: 'Every quarterly review asks the same four questions; the protocol lists them.' },
      { item: 1, text: 'Municipalities with fewer than ten projects may use the one-page annex instead of the full review.' },
      { item: 2, text: 'Kwame and Priya present the protocol at the next Learning Event.' }
    ],
    actions: [
      { item: 1, what: 'Write the one-page annex for small portfolios', owner: 'kwame', dueInDays: 9 },
      { item: 1, what: 'Bring benefits data from the two pilots', owner: 'priya', dueInDays: 16 },
      { item: 0, what: 'Share the stop-decision checklist from the band council', owner: 'daniel', dueInDays: -3, done: true },
      { item: 2, what: 'Book a 20-minute slot at the Learning Event', owner: 'amara', dueInDays: 5 }
    ],
    attendance: { amara: 'present', daniel: 'present', kwame: 'present', priya: 'present', grace: 'present', jenna: 'regrets', helene: 'absent' }
  },
  upcoming: {
    title: 'Working session: benefits after closing',
    inDays: 16,
    startsAt: '13:00',
    durationMinutes: 90,
    venue: 'Online',
    agenda: [
      { title: 'Benefits data from the two pilots', presenter: 'priya', plannedMinutes: 30 },
      { title: 'The one-page annex for small portfolios', presenter: 'kwame', plannedMinutes: 30 },
      { title: 'Rehearsal for the Learning Event', presenter: 'amara', plannedMinutes: 20 }
    ]
  },
  expenses: [
    { what: 'Meeting room rental, half day', category: 'venue', cents: 36000, paidBy: 'amara', sharedAmong: ['amara', 'daniel', 'kwame', 'priya', 'grace'], daysAgo: 12, atMeeting: true },
    { what: 'Coffee and lunch for the session', category: 'other', cents: 18750, paidBy: 'kwame', sharedAmong: ['amara', 'daniel', 'kwame', 'priya', 'grace'], daysAgo: 12, atMeeting: true },
    { what: 'Whiteboard software, one month', category: 'tools', cents: 4500, paidBy: 'grace', sharedAmong: ['amara', 'grace', 'priya'], daysAgo: 20 }
  ],
  note: {
    title: 'Parking lot: questions for later',
    by: 'priya',
    body: richText(
      '# Questions we did not have time for',
      '- How do other provinces report stopped projects to their legislature?\n- Can a First Nation share its capital plan template with the group?\n- Who owns benefits once a project closes?',
      'Add your question below; we pick two at the start of each session.'
    )
  },
  draft: {
    title: 'Writing a one-page business case',
    by: 'kwame',
    body: richText(
      '# Purpose',
      'A business case short enough to be read before the meeting where it is decided.',
      '# Sections',
      '- The problem, in two sentences\n- Options, including doing nothing\n- Cost, benefit and who carries the risk',
      'Draft: examples from two municipalities to come.'
    )
  },
  published: {
    language: 'en',
    by: 'grace',
    facilitator: 'amara',
    summary: {
      en: 'Four questions and a one-page summary for reviewing a portfolio every quarter, with a lighter annex for small portfolios.',
      fr: 'Quatre questions et un résumé d’une page pour examiner un portefeuille chaque trimestre, avec une annexe allégée pour les petits portefeuilles.'
    },
    text: {
      en: {
        title: 'Quarterly portfolio review',
        body: richText(
          '# Why',
          'Projects rarely fail at once; they drift. A short review every quarter catches the drift while there is still money and time to change course.',
          '# The four questions',
          '- Is the problem this project solves still a priority?\n- Is it on track for cost, schedule and benefits?\n- What would we lose by stopping it now?\n- Who decides, and by when?',
          '# How to run it',
          'Each project lead fills in a one-page summary a week ahead. The review meets for ninety minutes and ends with a decision per project: continue, change or stop.'
        )
      },
      fr: {
        title: 'Examen trimestriel du portefeuille',
        body: richText(
          '# Pourquoi',
          'Les projets échouent rarement d’un coup : ils dérivent. Un court examen chaque trimestre repère la dérive pendant qu’il reste du temps et des fonds pour changer de cap.',
          '# Les quatre questions',
          '- Le problème que règle ce projet est-il toujours une priorité?\n- Le projet respecte-t-il les coûts, l’échéancier et les avantages prévus?\n- Que perdrions-nous en l’arrêtant maintenant?\n- Qui décide, et d’ici quand?',
          '# Déroulement',
          'La personne responsable de chaque projet remplit un résumé d’une page une semaine à l’avance. L’examen dure quatre-vingt-dix minutes et se termine par une décision par projet : poursuivre, modifier ou arrêter.'
        )
      }
    }
  },
  file: {
    title: 'Portfolio review summary template',
    description: 'The one-page summary each project lead fills in before the quarterly review.',
    fileName: 'portfolio-review-summary.pdf',
    tags: ['template', 'portfolio review'],
    by: 'grace',
    lines: [
      'Portfolio review - one-page summary (template)',
      '',
      'Project: ____________________    Lead: ____________________',
      '1. Is the problem still a priority? Why?',
      '2. Cost, schedule, benefits: on track / at risk / off track',
      '3. What would we lose by stopping now?',
      '4. Decision wanted: continue / change / stop, by (date)',
      '',
      'Portfolio Management Circle - invented demo material'
    ]
  },
  presentation: { title: 'Reviewing a portfolio every quarter: four questions', presenters: 'Kwame Mensah, Priya Natarajan', minutes: 20 }
};
