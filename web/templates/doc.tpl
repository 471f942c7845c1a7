{{%AUTOESCAPE context="HTML"}}<article class="doc">
  <p class="crumbs"><a href="/search">Browse</a>{{#HAS_TYPE}} › <a href="/search?type={{TYPE}}">{{TYPE_LABEL}}</a>{{/HAS_TYPE}}</p>
  <h1>{{#HAS_SYMBOL}}<span class="symbol">{{SYMBOL}}</span> {{/HAS_SYMBOL}}{{TITLE}}</h1>
  {{#HAS_URL}}<p><a class="button" href="{{URL}}" rel="noopener">Official document</a></p>{{/HAS_URL}}
  {{#HAS_SUMMARY}}<section aria-labelledby="summary"><h2 id="summary">Summary</h2><p class="summary">{{SUMMARY}}</p></section>{{/HAS_SUMMARY}}
  <section aria-labelledby="details">
    <h2 id="details">Details</h2>
    <table class="meta-table">
      <tbody>
      {{#META}}<tr><th scope="row">{{META_LABEL}}</th><td>{{META_VALUE}}</td></tr>{{/META}}
      </tbody>
    </table>
    {{#HAS_SEARCH_SYMBOL}}<p><a href="{{SEARCH_SYMBOL_URL}}">Search for this symbol</a></p>{{/HAS_SEARCH_SYMBOL}}
  </section>
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
</article>
