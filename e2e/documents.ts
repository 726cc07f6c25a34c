import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A short article of our own, written to a temp folder so the specs need nothing outside the repo. */
export const SEA_WALL = `Harbour council approves new sea wall

The council voted on Tuesday to build 4.2 kilometres of new sea wall along the eastern docks.

"We cannot wait for the next storm," said Mayor Ilse Brandt at the harbour office.

Engineers estimate the work will cost about $18 million and take three years.

Residents of Nordhafen said the plan ignores the fishing harbour and its 60 boats.
`;

/**
 * A short Arabic article of our own (right to left), with English names and numbers inside
 * its sentences: the fourth paragraph mixes both directions.
 */
export const ARABIC_PORT = `مجلس المدينة يوافق على توسيع الميناء

وافق مجلس مدينة الساحل يوم الثلاثاء على بناء رصيف جديد بطول 3.5 كيلومتر في الميناء الشرقي.

وقالت رئيسة البلدية ليلى حداد في مؤتمر صحفي إن المدينة لن تنتظر العاصفة القادمة.

ويقدر المهندسون أن تبلغ تكلفة المشروع نحو 25 مليون دولار وأن يستغرق ثلاث سنوات.

وقال المهندس John Carter من شركة Harbor Works إن العمل سيبدأ في مارس 2027 بمشاركة 120 عاملا.

واعترض سكان حي الصيادين على الخطة وقالوا إنها تتجاهل 60 قاربا في المرفأ القديم.
`;

/** Writes a file into a fresh temp folder and returns its path. */
export function writeTemp(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-doc-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * Window flags the hostile markup of NEWS_PAGE would set if any of it ran: scripts, event
 * handlers, javascript: URLs, srcdoc frames, SVG scripts, CSS expressions. None may ever be set.
 */
export const HOSTILE_FLAGS = [
  'pwned',
  'pwnedOnload',
  'pwnedRemote',
  'pwnedData',
  'pwnedSrcdoc',
  'pwnedIframe',
  'pwnedSvg',
  'pwnedSvgScript',
  'pwnedHref',
  'pwnedClick',
  'pwnedHover',
  'pwnedFocus',
  'pwnedForm',
  'pwnedToggle',
  'pwnedCss',
  'pwnedObject',
  'pwnedMeta',
] as const;

/** The only hosts NEWS_PAGE's markup would contact: any request to them is a failure. */
export const HOSTILE_HOSTS = ['evil.example', 'ads.example', 'ledger.example'] as const;

/**
 * A saved news page: chrome, a cookie banner and hostile markup around one article — every kind
 * of active content a page can carry (scripts inline, remote and data:, event handlers,
 * javascript: URLs, frames, object and embed, <meta http-equiv=refresh>, <base>, SVG with
 * script, CSS url() and expression()). Each would set a window flag (HOSTILE_FLAGS) or make a
 * request to a HOSTILE_HOSTS host if it ever ran or loaded.
 */
export const NEWS_PAGE = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Floodgates reopen at Varna lock | The Coastal Ledger</title>
<meta name="author" content="Petra Ilieva">
<meta property="article:published_time" content="2026-10-02T08:30:00Z">
<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">
<meta http-equiv="refresh" content="0;url=javascript:window.pwnedMeta=true">
<base href="https://evil.example/base/">
<link rel="canonical" href="https://ledger.example/2026/10/floodgates">
<link rel="stylesheet" href="https://evil.example/style.css">
<link rel="prefetch" href="https://evil.example/prefetch">
<link rel="icon" href="https://evil.example/favicon.ico">
<script>window.pwned = true; document.title = 'pwned';</script>
<script src="https://evil.example/remote.js" onload="window.pwnedRemote = true"></script>
<script src="data:text/javascript,window.pwnedData=true"></script>
<style>
@import url("https://evil.example/import.css");
body { background: url("https://evil.example/background.png"); }
p { width: expression(window.pwnedCss = true); behavior: url(https://evil.example/behavior.htc); }
@font-face { font-family: x; src: url(https://evil.example/font.woff2); }
</style>
</head><body onload="window.pwnedOnload = true">
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies. <button onclick="window.pwned = true">Accept all</button></div>
<article>
<h1>Floodgates reopen at Varna lock</h1>
<p class="byline">By Petra Ilieva</p>
<p class="dateline">Updated 2 October 2026, 08:30 GMT</p>
<div class="share-tools"><a href="#">Share this article</a> <a href="#">Email</a></div>
<p onclick="window.pwnedClick = true" onmouseover="window.pwnedHover = true" style="background-image: url('https://evil.example/inline-style.png')">Engineers reopened the eastern floodgates at the Varna lock on Thursday after a repair that took eleven weeks and cost about 2.4 million euros.</p>
<p>The harbour authority said traffic would return to <em>normal levels</em> within a fortnight, though shipping agents expect delays of up to three days for larger vessels.</p>
<figure><img alt="" onerror="window.pwned = true"><figcaption>The eastern floodgates on Thursday morning. (Photo: Harbour Authority)</figcaption></figure>
<p>Advertisement</p>
<img src="x.png" onerror="window.pwned = true">
<img src="https://evil.example/pixel.png" srcset="https://evil.example/pixel-2x.png 2x">
<svg width="1" height="1" onload="window.pwnedSvg = true"><script>window.pwnedSvgScript = true</script><image href="https://evil.example/svg-image.png"/></svg>
<h2>Questions over the repair</h2>
<p>"We were told six weeks, and it took eleven," said Dimitar Kolev, who chairs the local pilots' association. He said the authority had not explained the overrun.</p>
<ul><li>Eastern gates: reopened</li><li>Western gates: closed until March</li></ul>
<iframe src="https://ads.example/frame"></iframe>
<iframe srcdoc="<script>parent.pwnedSrcdoc = true</script>"></iframe>
<iframe src="javascript:parent.pwnedIframe = true"></iframe>
<object data="https://evil.example/object.swf" type="application/x-shockwave-flash" onload="window.pwnedObject = true"></object>
<embed src="https://evil.example/embed.swf">
<video src="https://evil.example/video.mp4" poster="https://evil.example/poster.png" autoplay></video>
<audio src="https://evil.example/audio.mp3" autoplay></audio>
<details open ontoggle="window.pwnedToggle = true"></details>
<p>The authority did not respond to requests for comment on the cost of the work.</p>
</article>
<aside><h3>Related stories</h3><a href="/a" ping="https://evil.example/ping">Port strike ends</a>
<form action="https://evil.example/form" method="post"><input name="q" autofocus onfocus="window.pwnedFocus = true"><button formaction="javascript:window.pwnedForm = true">Search</button></form></aside>
<footer>© The Coastal Ledger. <a href="javascript:window.pwnedHref = true">Subscribe</a></footer>
</body></html>
`;

/** A Word document with a heading, paragraphs and a list, made with the docx package. */
export async function makeDocx(): Promise<Uint8Array> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: 'Briefing on the Tessa corridor',
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph({
            children: [
              new TextRun('Convoys used the Tessa corridor '),
              new TextRun({ text: 'twice a week', bold: true }),
              new TextRun(' until the bridge at Orvik closed in May.'),
            ],
          }),
          new Paragraph({
            text: 'Checkpoints reported 340 trucks in September.',
            bullet: { level: 0 },
          }),
          new Paragraph({
            text: 'Officials expect the bridge to reopen in spring.',
            bullet: { level: 0 },
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A two-page PDF with a text layer, made with pdf-lib. */
export async function makePdf(pages: string[][] = PDF_PAGES): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle('Annual water report');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 780;
    for (const line of lines) {
      if (line === '') {
        y -= 18;
        continue;
      }
      page.drawText(line, { x: 60, y, size: 12, font });
      y -= 16;
    }
  }
  return pdf.save();
}

export const PDF_PAGES = [
  [
    'Annual water report',
    '',
    'The reservoir at Kalden held 84 percent of its capacity',
    'at the end of August, down from 91 percent a year earlier.',
    '',
    'Rainfall in the catchment was the lowest since 2011.',
  ],
  ['Page two sets out the plan for the dry season', 'and the rationing of irrigation water.'],
];
