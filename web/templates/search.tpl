{{%AUTOESCAPE context="HTML"}}<h1 class="visually-hidden">{{HEADING}}</h1>
<form id="search-form" class="search-page" role="search" action="/search" method="get">
  <div class="search-top">
    <label for="q" class="visually-hidden">Search</label>
    <div class="search-row">
      <input id="q" name="q" type="search" value="{{Q}}" autocomplete="off" spellcheck="false" data-suggest="q-suggestions"
             placeholder="Search decisions, methodologies, standards and labs">
      <button type="submit">Search</button>
    </div>
    <ul id="q-suggestions" class="suggestions" role="listbox" aria-label="Suggestions" hidden></ul>
  </div>
  <div class="layout">
    <aside id="filters" class="filters" aria-labelledby="filters-title">
      <details class="filters-toggle" open>
        <summary id="filters-title">Filters</summary>
        {{#FACET}}
        <details class="facet"{{#OPEN}} open{{/OPEN}}>
          <summary>{{FACET_LABEL}}</summary>
          <fieldset>
            <legend class="visually-hidden">{{FACET_LABEL}}</legend>
            {{#VALUE}}<div class="check"><input type="checkbox" id="{{INPUT_ID}}" name="{{FACET_ID}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{INPUT_ID}}">{{LABEL}} <span class="count">{{COUNT}}</span></label></div>{{/VALUE}}
            {{#EMPTY}}<p class="muted">No values in these results.</p>{{/EMPTY}}
          </fieldset>
        </details>
        {{/FACET}}
        <details class="facet" open>
          <summary>Years</summary>
          <fieldset class="years">
            <legend class="visually-hidden">Years</legend>
            <label for="year_from">From</label>
            <input id="year_from" name="year_from" type="number" inputmode="numeric" min="1990" max="2100" value="{{YEAR_FROM}}" list="years">
            <label for="year_to">to</label>
            <input id="year_to" name="year_to" type="number" inputmode="numeric" min="1990" max="2100" value="{{YEAR_TO}}" list="years">
            <datalist id="years">{{#YEAR_OPTION}}<option value="{{YEAR}}">{{/YEAR_OPTION}}</datalist>
          </fieldset>
        </details>
        <div class="apply"><button type="submit">Apply filters</button></div>
      </details>
    </aside>
    <div id="results" class="results" aria-live="polite">
      <nav class="views" aria-label="Views of the results">
        <a href="{{RESULTS_URL}}"{{#VIEW_RESULTS}} aria-current="page"{{/VIEW_RESULTS}}>Documents</a>
        <a href="{{PARAGRAPHS_URL}}"{{#VIEW_PARAGRAPHS}} aria-current="page"{{/VIEW_PARAGRAPHS}}>Paragraphs</a>
      </nav>
      <div class="results-head">
        <p class="total"><strong>{{TOTAL}}</strong> <span class="muted">({{TOOK}})</span></p>
        <div class="controls">
          <label for="sort">Sort</label>
          <select id="sort" name="sort">
            <option value="relevance"{{#SORT_RELEVANCE}} selected{{/SORT_RELEVANCE}}>Relevance</option>
            <option value="newest"{{#SORT_NEWEST}} selected{{/SORT_NEWEST}}>Newest first</option>
            <option value="oldest"{{#SORT_OLDEST}} selected{{/SORT_OLDEST}}>Oldest first</option>
          </select>
          <label for="versions">Versions</label>
          <select id="versions" name="versions">
            <option value="latest">Latest only</option>
            <option value="all"{{#ALL_VERSIONS}} selected{{/ALL_VERSIONS}}>All versions</option>
          </select>
          {{#HAS_PER_PAGE}}<input type="hidden" name="per_page" value="{{PER_PAGE}}">{{/HAS_PER_PAGE}}
          {{#HAS_PASSAGES_N}}<input type="hidden" name="passages" value="{{PASSAGES}}">{{/HAS_PASSAGES_N}}
          {{#VIEW_PARAGRAPHS}}<input type="hidden" name="view" value="paragraphs">{{/VIEW_PARAGRAPHS}}
          {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/HIDDEN}}
        </div>
      </div>
      {{#CORRECTED}}<p class="notice">Showing results for <strong>{{SUGGEST_TEXT}}</strong>. Search instead for <a href="{{ALT_URL}}">{{ORIGINAL}}</a></p>{{/CORRECTED}}
      {{#VERSION_ASKED}}<p class="notice">{{VERSION_TEXT}}</p>{{/VERSION_ASKED}}
      {{#SUGGESTION}}<p class="notice">Did you mean <a href="{{ALT_URL}}">{{SUGGEST_TEXT}}</a>?</p>{{/SUGGESTION}}
      {{#HAS_CHIPS}}<ul class="chips" aria-label="Active filters">
        {{#CHIP}}<li><a class="chip" href="{{CHIP_URL}}" aria-label="Remove filter {{CHIP_LABEL}}">{{CHIP_LABEL}} <span aria-hidden="true">×</span></a></li>{{/CHIP}}
        <li><a class="chip clear" href="{{CLEAR_URL}}">Clear all</a></li>
      </ul>{{/HAS_CHIPS}}
      {{#NO_HITS}}<div class="empty"><h2>No records match</h2><p>Try fewer words, another spelling, or remove a filter. Symbols work in any spelling: <code>AMS III D</code>, <code>3/cma.3</code>, <code>tool 7</code>.</p></div>{{/NO_HITS}}
      <ol class="hits">
        {{#HIT}}<li class="hit">
          <h2 class="hit-title"><a href="{{DOC_URL}}">{{#HAS_SYMBOL}}<span class="symbol">{{SYMBOL}}</span> {{/HAS_SYMBOL}}{{TITLE}}</a></h2>
          <p class="hit-meta">{{#HAS_TYPE}}<span class="badge badge-{{TYPE}}">{{TYPE_LABEL}}</span>{{/HAS_TYPE}}{{#HAS_VERSION}} <span>Version {{VERSION}}</span>{{/HAS_VERSION}}{{#HAS_DATE}} · <time datetime="{{DATE_ISO}}">{{DATE}}</time>{{/HAS_DATE}}{{#HAS_STATUS}} · {{STATUS_LABEL}}{{/HAS_STATUS}}{{#HAS_VERSIONS}} · <a href="{{VERSIONS_URL}}">{{VERSIONS}}</a>{{/HAS_VERSIONS}}</p>
          {{#HAS_PROVISION}}<p class="hit-citation"><a href="{{PROVISION_URL}}">{{PROVISION_CITATION}}</a></p>{{/HAS_PROVISION}}
          {{#PASSAGE}}<div class="passage">
            <p class="passage-where"><a href="{{LINK}}">{{LABEL}}</a>{{#HAS_FILE}} · <a href="{{FILE_URL}}">page {{FILE_PAGE}} of the file</a>{{/HAS_FILE}}</p>
            <p class="snippet">{{TEXT:none}}</p>
          </div>{{/PASSAGE}}
          {{#NO_PASSAGES}}<p class="snippet">{{SNIPPET:none}}</p>{{/NO_PASSAGES}}
          {{#HAS_WHY}}<p class="why">{{WHY}}</p>{{/HAS_WHY}}
          <p class="hit-more">{{#HAS_GROUPS}}<span class="groups">For: {{GROUPS}}</span>{{/HAS_GROUPS}}{{#HAS_PAGE_URL}}<a href="{{PAGE_URL}}">page {{PAGE}}</a>{{/HAS_PAGE_URL}}{{#HAS_PAGE}}<span>page {{PAGE}}</span>{{/HAS_PAGE}}{{#HAS_URL}}<a href="{{URL}}" rel="noopener">official document</a>{{/HAS_URL}}</p>
        </li>{{/HIT}}
      </ol>
      {{#NO_PARAGRAPHS}}<div class="empty"><h2>No paragraph holds these words together</h2><p>Try fewer words, or see the <a href="{{RESULTS_URL}}">documents</a> that mention them.</p></div>{{/NO_PARAGRAPHS}}
      {{#NO_QUERY}}<div class="empty"><h2>Type what to look for</h2><p>The Paragraphs view lists every paragraph that speaks to a search.</p></div>{{/NO_QUERY}}
      <ol class="hits paragraphs">
        {{#GROUP}}<li class="hit group">
          <h2 class="hit-title"><a href="{{DOC_URL}}">{{#HAS_SYMBOL}}<span class="symbol">{{SYMBOL}}</span> {{/HAS_SYMBOL}}{{TITLE}}</a></h2>
          <p class="hit-meta">{{#HAS_TYPE}}<span class="badge badge-{{TYPE}}">{{TYPE_LABEL}}</span>{{/HAS_TYPE}}{{#HAS_VERSION}} <span>Version {{VERSION}}</span>{{/HAS_VERSION}}{{#HAS_DATE}} · <time datetime="{{DATE_ISO}}">{{DATE}}</time>{{/HAS_DATE}}</p>
          {{#PASSAGE}}<div class="passage">
            <p class="passage-where"><a href="{{LINK}}">{{LABEL}}</a>{{#HAS_FILE}} · <a href="{{FILE_URL}}">page {{FILE_PAGE}} of the file</a>{{/HAS_FILE}}</p>
            <p class="snippet">{{TEXT:none}}</p>
          </div>{{/PASSAGE}}
          {{#HAS_MORE}}<p class="hit-more"><a href="{{DOC_URL}}">{{MORE}}</a></p>{{/HAS_MORE}}
        </li>{{/GROUP}}
      </ol>
      {{#PAGER}}<nav class="pager" aria-label="Pages">
        {{#HAS_PREV}}<a rel="prev" href="{{PREV_URL}}">← Previous</a>{{/HAS_PREV}}
        <span>Page {{PAGE_NUM}} of {{PAGE_COUNT}}</span>
        {{#HAS_NEXT}}<a rel="next" href="{{NEXT_URL}}">Next →</a>{{/HAS_NEXT}}
      </nav>{{/PAGER}}
      <p class="feeds"><a href="{{FEED_URL}}">Atom feed of this search</a> · <a href="{{API_URL}}">the same as JSON</a> · <a href="{{CSV_URL}}" download>Download CSV</a></p>
    </div>
  </div>
</form>
