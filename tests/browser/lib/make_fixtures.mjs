// SPDX-License-Identifier: Apache-2.0
// Writes the reader's fixtures into the folder given (run.sh indexes it with
// the corpus): a decision-like note with an annex, chapters and numbered
// paragraphs; a long note of 1,000 paragraphs (several parts of the reader);
// a three-page PDF; a decision text in the UNFCCC's layout (the rulebook's). Made here rather than shipped, like tests/unit/support.cc's.
// Each holds one unusual word the tests look for: quokka, wombat, numbat.
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: node make_fixtures.mjs FOLDER');
fs.mkdirSync(out, { recursive: true });

function decision() {
  const lines = ['---', 'title: "Reader fixture: guidance on a made-up mechanism"', 'symbol: 4/CMA.99', 'type: decision',
    'date: 2099-11-13', '---', '', 'The Conference of the Parties, recalling its earlier decisions,', ''];
  for (let i = 1; i <= 6; i++) lines.push(`${i}. Decides that Parties shall report item ${i} each year.`, '');
  lines.push('# Annex', '', '## I. Definitions', '');
  for (let i = 7; i <= 14; i++) lines.push(`${i}. Item ${i} is defined as a unit of the made-up mechanism.`, '');
  lines.push('## II. Share of proceeds', '', '15. A share of proceeds goes to the quokka fund, as the first transfer.', '');
  for (let i = 16; i <= 24; i++) lines.push(`${i}. The registry records item ${i}.`, '');
  return lines.join('\n');
}

function long() {
  const lines = ['---', 'title: "Reader fixture: a long report"', 'type: information-note', '---', ''];
  for (let i = 1; i <= 1000; i++) {
    if (i % 100 === 1) lines.push(`## Chapter ${(i - 1) / 100 + 1}`, '');
    const word = i === 777 ? 'wombat' : 'progress';
    lines.push(`Paragraph ${i} of the long report describes the ${word} made on activity ${i}, with enough words to look like ` +
      'a real paragraph of a report that people read on a screen and sometimes print.', '');
  }
  return lines.join('\n');
}

// A PDF of pages of lines (Helvetica, ASCII), with a correct cross-reference table.
function pdf(pages) {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'];
  pages.forEach((lines, i) => {
    const text = 'BT /F1 11 Tf 72 740 Td 14 TL\n' + lines.map((l) => `(${l.replace(/[()\\]/g, '\\$&')}) Tj T*\n`).join('') + 'ET\n';
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objects.push(`<< /Length ${text.length} >>\nstream\n${text}endstream`);
  });
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  return body + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

// A decision as the UNFCCC's text files print one (numbered paragraphs, an
// annex with a chapter), cut by the decision cutter: the rulebook tests follow
// fixtures/provisions.catalog.xml's provision to its paragraph, anchor annex-p3.
function rulebookDecision() {
  const lines = ['Decision 5/CMA.99', 'Rulebook fixture: rules of a made-up mechanism',
    'The Conference of the Parties serving as the meeting of the Parties to the Paris Agreement,', 'Recalling its earlier decisions,'];
  for (let i = 1; i <= 6; i++) lines.push(`${i}. Requests the secretariat to carry out task ${i} of the made-up mechanism;`);
  lines.push('Annex', 'Rules of the made-up mechanism', 'I. Share of proceeds');
  lines.push('1. The made-up mechanism has a registry.', '2. Each activity is registered before issuance.',
    '3. A share of proceeds of 7 per cent of the units issued goes to the platypus fund at issuance.',
    '4. The registry records every transfer.', '5. The fund reports each year.');
  return lines.join('\n') + '\n';
}

fs.writeFileSync(path.join(out, 'reader-decision.md'), decision());
fs.writeFileSync(path.join(out, 'rulebook-decision.txt'), rulebookDecision());
fs.writeFileSync(path.join(out, 'reader-long.md'), long());
fs.writeFileSync(path.join(out, 'reader-method.pdf'), pdf([
  ['Reader fixture methodology', '', 'Page one introduces the method.'],
  ['1. Applicability', '', 'The numbat method applies to small projects.'],
  ['2. Monitoring', '', 'Page three says what to monitor.'],
]));
