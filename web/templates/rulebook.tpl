{{%AUTOESCAPE context="HTML"}}<p class="crumbs"><a href="/rulebook">Rulebook</a></p>
<h1>{{PAGE_TITLE}}</h1>
{{#OVERVIEW}}<p class="lead">The Article 6 decisions' key provisions, {{PROVISIONS_COUNT}} in all, each told in our own words and citing the paragraph that sets it. Index the official decision texts to follow each one to its paragraph.</p>
<div class="rulebook-overview">
<section aria-labelledby="by-topic">
  <h2 id="by-topic">By topic</h2>
  <ul class="plain rulebook-links">{{#TOPIC_LINK}}<li><a href="{{LINK_URL}}">{{LINK_LABEL}}</a> <span class="muted">({{LINK_COUNT}})</span></li>{{/TOPIC_LINK}}</ul>
</section>
<section aria-labelledby="by-group">
  <h2 id="by-group">By stakeholder group</h2>
  <ul class="plain rulebook-links">{{#GROUP_LINK}}<li><a href="{{LINK_URL}}">{{LINK_LABEL}}</a> <span class="muted">({{LINK_COUNT}})</span></li>{{/GROUP_LINK}}</ul>
</section>
</div>{{/OVERVIEW}}
{{#NO_PROVISIONS}}<p>No provision records are in the index yet (corpus/provisions).</p>{{/NO_PROVISIONS}}
{{#SECTION}}<section class="rulebook-section" aria-labelledby="section-title">
  <h2 id="section-title">{{SECTION_COUNT}} provisions, by decision and paragraph</h2>
  <ol class="plain provision-list">
    {{#PROVISION_ITEM}}<li class="provision-entry"><h3><a class="prov-title" href="{{PROV_URL}}">{{PROV_TITLE}}</a></h3>
      <p class="meta"><span class="citation">{{PROV_CITATION}}</span>{{#HAS_PARAGRAPH}} · <a class="paragraph-link" href="{{PARAGRAPH_URL}}">paragraph in the text</a>{{/HAS_PARAGRAPH}}</p>
      {{#HAS_PROV_TEXT}}<p>{{PROV_TEXT}}</p>{{/HAS_PROV_TEXT}}</li>{{/PROVISION_ITEM}}
  </ol>
</section>{{/SECTION}}
