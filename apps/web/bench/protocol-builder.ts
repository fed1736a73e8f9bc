/**
 * Protocols for the editor benchmark, made here with Yjs as y-tiptap writes them (a paragraph is
 * `<paragraph><XmlText/></paragraph>`, one transaction per edit), then merged into batches well
 * under the server's 1 MiB frame limit. Two kinds of text: `register` repeats one sentence's
 * words (the 50-page case, kept as it was so its figures stay comparable); `varied` reads like a
 * real protocol — numbered headings, paragraphs of three to six different sentences, a bulleted
 * list per page.
 */
import * as Y from 'yjs';

const PARAGRAPHS_PER_PAGE = 25; // about 500 words a page

const WORDS = 'the panel reviews each request within ten working days and records its decision in the register before notifying the applicant in the official language of their choice'.split(' ');
const sentence = (n: number, seed: number) => Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');

const SECTIONS = ['Purpose and scope', 'Eligibility criteria', 'Roles and responsibilities', 'Intake of requests', 'Assessment', 'Decision and notice', 'Appeals', 'Records and retention', 'Official languages', 'Accessibility', 'Privacy', 'Review of this protocol'];
const SENTENCES = [
  'The coordinating office acknowledges each request within two working days.',
  'A request is complete when the form, the budget and the letter of support are on file.',
  'Members of the panel declare any conflict of interest before the assessment begins.',
  'Where a request concerns a First Nation, the community is consulted on the terms of the review.',
  'The panel may ask the applicant for further information once; the clock stops until it arrives.',
  'Decisions are recorded in the register with the reasons given and the names of the members present.',
  'Notices are sent in the official language the applicant chose, and in plain language.',
  'An applicant who disagrees with a decision may ask for a review within thirty days of the notice.',
  'Records are kept for six years after the file is closed, then disposed of under the retention schedule.',
  'Personal information is collected only as needed to assess the request and is never shared outside the panel.',
  'The facilitator reports each quarter on the number of requests received, approved and refused.',
  'Municipal and provincial partners receive a copy of the decision when the request involves shared funding.',
  'Meetings of the panel may be held in person or online, and quorum is a majority of its members.',
  'Documents are provided in accessible formats on request, at no cost to the person asking.',
  'This protocol is reviewed every two years, or sooner when the programme’s terms change.',
  'Questions about the protocol go to the coordinating office, which answers within five working days.'
];

export interface ProtocolOptions {
  pages: number;
  /** Random edits (insert a word, delete a few letters, make four letters bold) after writing it. */
  edits: number;
  text: 'register' | 'varied';
  /** The last paragraph: seeing it on screen means the whole protocol is there. */
  marker: string;
  /** Paragraphs put in the middle of the protocol, left out of the random edits (people in the benchmark type there). */
  middleLines?: string[];
}

export interface BuiltProtocol {
  batches: Uint8Array[];
  bytes: number;
  blocks: number;
}

export function buildProtocol(options: ProtocolOptions): BuiltProtocol {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const fragment = doc.getXmlFragment('content');
  const texts: Y.XmlText[] = [];
  let blocks = 0;
  let seed = 1;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  /** A block holding one text, put in place first and filled after (the order y-tiptap writes in). */
  const textBlock = (name: string, text: string, place: (element: Y.XmlElement) => void, edited = true) => {
    const element = new Y.XmlElement(name);
    const t = new Y.XmlText();
    element.insert(0, [t]);
    place(element);
    t.insert(0, text);
    if (edited) texts.push(t);
  };
  const pushParagraph = (text: string, edited = true) => {
    textBlock('paragraph', text, (element) => fragment.push([element]), edited);
    blocks++;
  };
  for (let page = 0; page < options.pages; page++) {
    doc.transact(() => {
      const title = options.text === 'varied' ? `${page + 1}. ${SECTIONS[page % SECTIONS.length]}` : `Section ${page + 1}`;
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as never);
      const ht = new Y.XmlText();
      heading.insert(0, [ht]);
      fragment.push([heading]);
      ht.insert(0, title);
      blocks++;
      if (page === Math.floor(options.pages / 2)) for (const line of options.middleLines ?? []) pushParagraph(line, false);
      for (let p = 0; p < PARAGRAPHS_PER_PAGE; p++) {
        if (options.text === 'register') {
          pushParagraph(`${sentence(20, page * 100 + p)}.`);
        } else if (p === 12) {
          // A bulleted list of three items.
          const list = new Y.XmlElement('bulletList');
          fragment.push([list]);
          for (let i = 0; i < 3; i++) {
            const item = new Y.XmlElement('listItem');
            list.push([item]);
            textBlock('paragraph', SENTENCES[rand(SENTENCES.length)]!, (element) => item.insert(0, [element]));
          }
          blocks++;
        } else {
          pushParagraph(Array.from({ length: 3 + rand(4) }, () => SENTENCES[rand(SENTENCES.length)]).join(' '));
        }
      }
    });
  }
  for (let i = 0; i < options.edits; i++) {
    const t = texts[rand(texts.length)]!;
    const kind = rand(10);
    doc.transact(() => {
      if (kind < 6 || t.length < 10) t.insert(rand(t.length + 1), `${WORDS[rand(WORDS.length)]} `);
      else if (kind < 9) t.delete(rand(t.length - 5), 1 + rand(4));
      else t.format(rand(t.length - 5), 4, { bold: {} });
    });
  }
  doc.transact(() => pushParagraph(options.marker, false));
  // Batches of merged updates, each well under the server's 1 MiB frame limit.
  const batches: Uint8Array[] = [];
  let current: Uint8Array[] = [];
  let size = 0;
  for (const u of updates) {
    current.push(u);
    size += u.length;
    if (size > 400_000) {
      batches.push(Y.mergeUpdates(current));
      current = [];
      size = 0;
    }
  }
  if (current.length) batches.push(Y.mergeUpdates(current));
  return { batches, bytes: Y.encodeStateAsUpdate(doc).length, blocks };
}
