/**
 * Word documents (DOCX, through the `docx` library) from rich-text JSON: headings, paragraphs with
 * bold/italic/underline/strike/code and links, bulleted, numbered and check lists, quotes and
 * tables — for protocols, published versions and meeting minutes.
 */
import { isSafeHref, type RichTextMark, type RichTextNode } from '@atelier/rich-text';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild
} from 'docx';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

function runs(nodes: RichTextNode[] = []): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    if (n.type === 'hardBreak') {
      out.push(new TextRun({ text: '', break: 1 }));
      continue;
    }
    if (n.type !== 'text') {
      out.push(...runs(n.content));
      continue;
    }
    const has = (t: string) => (n.marks ?? []).some((m: RichTextMark) => m.type === t);
    const link = (n.marks ?? []).find((m) => m.type === 'link' && isSafeHref(m.attrs?.href));
    const run = new TextRun({
      text: n.text ?? '',
      bold: has('bold'),
      italics: has('italic'),
      underline: has('underline') || link ? {} : undefined,
      strike: has('strike'),
      font: has('code') ? 'Courier New' : undefined,
      style: link ? 'Hyperlink' : undefined
    });
    out.push(link ? new ExternalHyperlink({ link: link.attrs!.href as string, children: [run] }) : run);
  }
  return out;
}

type Block = Paragraph | Table;

function blocks(node: RichTextNode, ctx: { level: number; list?: 'bullet' | 'ordered' | 'task'; instance: { n: number } }): Block[] {
  const children = node.content ?? [];
  switch (node.type) {
    case 'doc':
      return children.flatMap((c) => blocks(c, ctx));
    case 'paragraph':
      return [new Paragraph({ children: runs(children) })];
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[Math.min(3, Math.max(0, (Number(node.attrs?.level) || 1) - 1))], children: runs(children) })];
    case 'blockquote':
      return children.flatMap((c) =>
        blocks(c, ctx).map((b) => (b instanceof Paragraph ? new Paragraph({ indent: { left: 720 }, style: 'Quote', children: runs(c.content) }) : b))
      );
    case 'codeBlock':
      return [new Paragraph({ children: [new TextRun({ text: children.map((t) => t.text ?? '').join(''), font: 'Courier New' })] })];
    case 'horizontalRule':
      return [new Paragraph({ thematicBreak: true, children: [] })];
    case 'bulletList':
    case 'orderedList':
    case 'taskList': {
      const list = node.type === 'bulletList' ? 'bullet' : node.type === 'orderedList' ? 'ordered' : 'task';
      const instance = list === 'ordered' ? { n: ctx.instance.n + 1 } : ctx.instance;
      if (list === 'ordered') ctx.instance.n++;
      return children.flatMap((item) => {
        const [first, ...rest] = item.content ?? [];
        const prefix = list === 'task' ? [new TextRun({ text: item.attrs?.checked === true ? '☑ ' : '☐ ' })] : [];
        const para = new Paragraph({
          children: [...prefix, ...runs(first?.content)],
          ...(list === 'bullet' ? { bullet: { level: ctx.level } } : {}),
          ...(list === 'ordered' ? { numbering: { reference: 'ordered', level: ctx.level, instance: instance.n } } : {}),
          ...(list === 'task' ? { indent: { left: 360 * (ctx.level + 1) } } : {})
        });
        return [para, ...rest.flatMap((c) => blocks(c, { ...ctx, level: Math.min(ctx.level + 1, 8), list }))];
      });
    }
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: children.map(
            (row) =>
              new TableRow({
                tableHeader: (row.content ?? []).every((c) => c.type === 'tableHeader'),
                children: (row.content ?? []).map(
                  (cell) =>
                    new TableCell({
                      columnSpan: Number(cell.attrs?.colspan) > 1 ? Number(cell.attrs?.colspan) : undefined,
                      children: (cell.content ?? []).flatMap((c) => blocks(c, ctx)).filter((b): b is Paragraph => b instanceof Paragraph)
                    })
                )
              })
          )
        })
      ];
    default:
      return children.flatMap((c) => blocks(c, ctx));
  }
}

export interface DocxSection {
  heading?: string;
  body: RichTextNode;
}

/** One DOCX file: a title, optional lines under it (COP, version, date), then the sections. */
export async function toDocx(input: { title: string; subtitle?: string[]; sections: DocxSection[] }): Promise<Buffer> {
  const instance = { n: 0 };
  const content: Block[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(input.title)] }),
    ...(input.subtitle ?? []).map((line) => new Paragraph({ children: [new TextRun({ text: line, italics: true })] })),
    ...input.sections.flatMap((s) => [
      ...(s.heading ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.heading)] })] : []),
      ...blocks(s.body, { level: 0, instance })
    ])
  ];
  const doc = new Document({
    creator: 'Atelier',
    title: input.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } }
          }))
        }
      ]
    },
    sections: [{ properties: {}, children: content }]
  });
  return Packer.toBuffer(doc);
}
