import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
for (const n of [1000, 2000, 4000, 8000, 16000]) {
  const md = 'word **bold** and  \n'.repeat(n);
  let t = Date.now();
  fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  console.log(n, Date.now() - t);
}
