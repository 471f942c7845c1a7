{{%AUTOESCAPE context="HTML"}}<article class="doc">
  <p class="crumbs"><a href="/search">Browse</a>{{#HAS_TYPE}} › <a href="/search?type={{TYPE}}">{{TYPE_LABEL}}</a>{{/HAS_TYPE}}</p>
  <h1>{{#HAS_SYMBOL}}<span class="symbol">{{SYMBOL}}</span> {{/HAS_SYMBOL}}{{TITLE}}</h1>
  <p class="doc-actions">{{#HAS_URL}}<a class="button" href="{{URL}}" rel="noopener">Official document</a> {{/HAS_URL}}{{#HAS_FILE}}<a class="button" href="{{FILE_URL}}">Original file</a> {{/HAS_FILE}}{{#HAS_TEXT}}<a href="#doc-text">Read the text</a>{{/HAS_TEXT}}</p>
  {{#HAS_SUMMARY}}<section aria-labelledby="summary"><h2 id="summary">Summary</h2><p class="summary">{{SUMMARY}}</p></section>{{/HAS_SUMMARY}}
  <section aria-labelledby="details">
    <h2 id="details">Details</h2>
    <table class="meta-table">
      <tbody>
      {{#META}}<tr><th scope="row">{{META_LABEL}}</th><td>{{META_VALUE}}</td></tr>{{/META}}
      </tbody>
    </table>
    {{#HAS_SEARCH_SYMBOL}}<p><a href="{{SEARCH_SYMBOL_URL}}">Search for this symbol</a></p>{{/HAS_SEARCH_SYMBOL}}
    <details class="cite cite-doc"><summary>Cite this document</summary><p class="citation">{{DOC_CITATION}}</p><p><a class="cite-link" href="{{DOC_LINK}}">Link to this document</a></p></details>
  </section>
  {{#PROVISION}}<section class="provision" aria-labelledby="provision">
    <h2 id="provision">What it tells</h2>
    <p class="prov-citation"><span class="citation">{{PROV_CITATION}}</span>{{#DECISION}} · <a class="decision-link" href="{{REF_URL}}">{{#HAS_REF_SYMBOL}}<span class="symbol">{{REF_SYMBOL}}</span> {{/HAS_REF_SYMBOL}}{{REF_TITLE}}</a>{{/DECISION}}{{#DECISION_MISSING}} · <span class="symbol">{{DECISION_SYMBOL}}</span> <span class="muted">(not in the index)</span>{{/DECISION_MISSING}}</p>
    {{#HAS_PARAGRAPH}}<p><a class="paragraph-link" href="{{PARAGRAPH_URL}}">Read the paragraph in the official text</a></p>{{/HAS_PARAGRAPH}}
    {{#NO_PARAGRAPH}}<p class="not-indexed muted">Official text not indexed: index the decision's official text to read the paragraph here (docs/corpus.md).</p>{{/NO_PARAGRAPH}}
    <p class="muted">A summary in our own words, not the official text.</p>
    {{#HAS_REFINES}}<h3>Refines</h3><ul class="plain refines">{{#REFINES}}<li><a href="{{REF_URL}}">{{REF_TITLE}}</a></li>{{/REFINES}}</ul>{{/HAS_REFINES}}
    {{#HAS_REFINED_BY}}<h3>Refined by</h3><ul class="plain refined-by">{{#REFINED_BY}}<li><a href="{{REF_URL}}">{{REF_TITLE}}</a></li>{{/REFINED_BY}}</ul>{{/HAS_REFINED_BY}}
  </section>{{/PROVISION}}
  {{#HAS_PROVISIONS}}<section class="provisions" aria-labelledby="provisions">
    <h2 id="provisions">Provisions ({{PROVISIONS_COUNT}})</h2>
    <p class="muted">What the decision requires, paragraph by paragraph, in our own words.{{#PROVISIONS_NOT_INDEXED}} Official text not indexed: index it to follow each provision to its paragraph.{{/PROVISIONS_NOT_INDEXED}}</p>
    <ol class="plain provision-list">
      {{#PROVISION_ITEM}}<li id="{{PROV_ID}}"><a class="prov-title" href="{{PROV_URL}}">{{PROV_TITLE}}</a><br><span class="citation">{{PROV_CITATION}}</span>{{#HAS_PARAGRAPH}} · <a class="paragraph-link" href="{{PARAGRAPH_URL}}">paragraph in the text</a>{{/HAS_PARAGRAPH}}</li>{{/PROVISION_ITEM}}
    </ol>
  </section>{{/HAS_PROVISIONS}}
  {{#HAS_VERSIONS}}<section aria-labelledby="versions">
    <h2 id="versions">Versions</h2>
    <ol class="timeline">
      {{#VERSION_ITEM}}<li>{{#CURRENT}}<strong>Version {{VERSION}}</strong> (this page){{/CURRENT}}{{#OTHER}}<a href="{{DOC_URL}}">Version {{VERSION}}</a>{{/OTHER}}{{#HAS_DATE}} · {{DATE}}{{/HAS_DATE}}{{#LATEST}} · latest{{/LATEST}}</li>{{/VERSION_ITEM}}
    </ol>
  </section>{{/HAS_VERSIONS}}
  {{#HAS_CITES}}<section aria-labelledby="cites">
    <h2 id="cites">Cites</h2>
    <ul class="plain">
      {{#CITE}}<li>{{#CITE_FOUND}}<a href="{{DOC_URL}}"><span class="symbol">{{CITED_SYMBOL}}</span> {{TITLE}}</a>{{/CITE_FOUND}}{{#CITE_MISSING}}<span class="symbol">{{CITED_SYMBOL}}</span> <span class="muted">(not in the index)</span>{{/CITE_MISSING}}</li>{{/CITE}}
    </ul>
  </section>{{/HAS_CITES}}
  {{#HAS_CITED_BY}}<section aria-labelledby="cited-by">
    <h2 id="cited-by">Cited by ({{CITED_BY_COUNT}})</h2>
    <ul class="plain">
      {{#CITED_BY}}<li><a href="{{DOC_URL}}">{{#HAS_SYMBOL}}<span class="symbol">{{SYMBOL}}</span> {{/HAS_SYMBOL}}{{TITLE}}</a>{{#HAS_DATE}} <span class="meta">{{DATE}}</span>{{/HAS_DATE}}</li>{{/CITED_BY}}
    </ul>
  </section>{{/HAS_CITED_BY}}
  {{#HAS_SIMILAR}}<section aria-labelledby="similar">
    <h2 id="similar">Similar</h2>
    <ul class="plain">
      {{#SIMILAR}}<li><a href="{{DOC_URL}}">{{#HAS_SYMBOL}}<span class="symbol">{{SYMBOL}}</span> {{/HAS_SYMBOL}}{{TITLE}}</a>{{#HAS_TYPE}} <span class="meta">{{TYPE_LABEL}}</span>{{/HAS_TYPE}}</li>{{/SIMILAR}}
    </ul>
  </section>{{/HAS_SIMILAR}}
  {{#HAS_TEXT}}<section class="reader" aria-labelledby="doc-text" data-doc="{{ID}}">
    <h2 id="doc-text">Text</h2>
    {{#HAS_PARTS}}<nav class="parts" aria-label="Parts of the text"><p>Part {{PART}} of {{PARTS}}:</p><ul>{{#PART_LINK}}<li>{{#THIS_PART}}<strong aria-current="page">{{PART_NO}}</strong>{{/THIS_PART}}{{#OTHER_PART}}<a href="{{PART_URL}}">{{PART_NO}}</a>{{/OTHER_PART}}</li>{{/PART_LINK}}</ul>{{#HAS_PREV}}<a rel="prev" href="{{PREV_URL}}">Previous part</a>{{/HAS_PREV}}{{#HAS_NEXT}}<a rel="next" href="{{NEXT_URL}}">Next part</a>{{/HAS_NEXT}}</nav>{{/HAS_PARTS}}
    {{#HAS_CONTENTS}}<nav class="contents" aria-labelledby="doc-contents"><h3 id="doc-contents">Contents</h3><ol>{{#CONTENTS}}<li class="depth-{{DEPTH}}"><a href="{{CONTENTS_URL}}">{{CONTENTS_TEXT}}</a></li>{{/CONTENTS}}</ol></nav>{{/HAS_CONTENTS}}
    {{#HAS_QUERY}}<p class="matches" role="status">{{MATCHES}} “{{Q}}”{{#FIRST_MATCH}} · <a class="first-match" href="#{{FIRST_MATCH_ANCHOR}}">First match</a>{{/FIRST_MATCH}}</p>{{/HAS_QUERY}}
    <div class="passages">
    {{#PASSAGE}}<div class="passage{{#IS_HEADING}} heading{{/IS_HEADING}}{{#HAS_MARKS}} match{{/HAS_MARKS}}" id="{{ANCHOR}}">{{#PAGE_LINK}}<a class="page-no" href="{{PAGE_URL}}">p.&nbsp;{{PAGE}}</a>{{/PAGE_LINK}}{{#PAGE_NO}}<span class="page-no">p.&nbsp;{{PAGE}}</span>{{/PAGE_NO}}{{#IS_HEADING}}<h{{LEVEL}} class="ptext">{{TEXT:none}}</h{{LEVEL}}>{{/IS_HEADING}}{{#IS_TEXT}}<p class="loc"><a href="#{{ANCHOR}}">{{LABEL}}</a></p><div class="ptext">{{TEXT:none}}</div>
      <details class="cite"><summary>Cite<span class="visually-hidden"> {{LABEL}}</span></summary><p class="citation">{{CITATION}}</p><p><a class="cite-link" href="{{LINK}}">Link to this paragraph</a></p></details>{{/IS_TEXT}}{{#NEXT_MATCH}}<p class="next-match"><a href="#{{NEXT_ANCHOR}}">Next match</a></p>{{/NEXT_MATCH}}</div>
    {{/PASSAGE}}</div>
    {{#HAS_PARTS}}<nav class="parts" aria-label="Parts of the text, again"><p>Part {{PART}} of {{PARTS}}</p>{{#HAS_PREV}}<a rel="prev" href="{{PREV_URL}}">Previous part</a>{{/HAS_PREV}}{{#HAS_NEXT}}<a rel="next" href="{{NEXT_URL}}">Next part</a>{{/HAS_NEXT}}</nav>{{/HAS_PARTS}}
  </section>{{/HAS_TEXT}}
</article>
