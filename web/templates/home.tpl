{{%AUTOESCAPE context="HTML"}}<section class="hero">
  <h1>Find Article 6 guidance</h1>
  <p class="lead">{{DOCUMENTS}} records: CMA, CMP and COP decisions, Supervisory Body standards and procedures, CDM methodologies and tools, a glossary, and the implementation labs.</p>
  <form class="search" role="search" action="/search" method="get">
    <label for="q">Search decisions, methodologies, standards and labs</label>
    <div class="search-row">
      <input id="q" name="q" type="search" autocomplete="off" spellcheck="false" data-suggest="q-suggestions"
             placeholder="AMS-III.D, cookstoves, corresponding adjustment, 3/CMA.3">
      <button type="submit">Search</button>
    </div>
    <ul id="q-suggestions" class="suggestions" role="listbox" aria-label="Suggestions" hidden></ul>
  </form>
</section>
<div class="home-grid">
{{#BROWSE}}
  <section class="browse" aria-labelledby="browse-{{FACET_ID}}">
    <h2 id="browse-{{FACET_ID}}">By {{FACET_LABEL}}</h2>
    <ul class="browse-list">
      {{#VALUE}}<li><a href="{{URL}}">{{LABEL}}</a> <span class="count">{{COUNT}}</span></li>{{/VALUE}}
    </ul>
    {{#MORE}}<details class="browse-more"><summary>Show all {{ALL_COUNT}}</summary>
      <ul class="browse-list">
        {{#MORE_VALUE}}<li><a href="{{URL}}">{{LABEL}}</a> <span class="count">{{COUNT}}</span></li>{{/MORE_VALUE}}
      </ul>
    </details>{{/MORE}}
  </section>
{{/BROWSE}}
  <section class="newest" aria-labelledby="newest">
    <h2 id="newest">Newest</h2>
    <ul class="plain">
      {{#NEWEST}}<li><a href="{{DOC_URL}}">{{#HAS_SYMBOL}}<span class="symbol">{{SYMBOL}}</span> {{/HAS_SYMBOL}}{{TITLE}}</a>
        <span class="meta">{{#HAS_TYPE}}{{TYPE_LABEL}}{{/HAS_TYPE}}{{#HAS_DATE}} · <time datetime="{{DATE_ISO}}">{{DATE}}</time>{{/HAS_DATE}}</span></li>{{/NEWEST}}
    </ul>
    <p><a href="/search?sort=newest">All records, newest first</a> · <a href="/feed.atom">Atom feed</a></p>
  </section>
</div>
