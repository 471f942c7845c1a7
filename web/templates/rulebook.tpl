{{%AUTOESCAPE context="HTML"}}<h1>Rulebook</h1>
<p class="lead">The Article 6 decisions' key provisions, {{PROVISIONS_COUNT}} in all, each told in our own words and citing the paragraph that sets it. Index the official decision texts to follow each one to its paragraph.</p>
<nav class="rulebook-views" aria-label="Rulebook views"><ul class="tabs">
  <li>{{#BY_TOPIC}}<strong aria-current="page">By topic</strong>{{/BY_TOPIC}}{{#BY_GROUP}}<a href="/rulebook?by=topic">By topic</a>{{/BY_GROUP}}</li>
  <li>{{#BY_GROUP}}<strong aria-current="page">By stakeholder group</strong>{{/BY_GROUP}}{{#BY_TOPIC}}<a href="/rulebook?by=group">By stakeholder group</a>{{/BY_TOPIC}}</li>
</ul></nav>
{{#NO_PROVISIONS}}<p>No provision records are in the index yet (corpus/provisions).</p>{{/NO_PROVISIONS}}
<nav class="contents" aria-label="Sections"><ul>{{#SECTION}}<li><a href="#{{SECTION_ID}}">{{SECTION_TITLE}}</a> ({{SECTION_COUNT}})</li>{{/SECTION}}</ul></nav>
{{#SECTION}}<section class="rulebook-section" aria-labelledby="{{SECTION_ID}}">
  <h2 id="{{SECTION_ID}}">{{SECTION_TITLE}} <span class="muted">({{SECTION_COUNT}})</span></h2>
  <ol class="plain provision-list">
    {{#PROVISION_ITEM}}<li class="provision-entry"><h3><a class="prov-title" href="{{PROV_URL}}">{{PROV_TITLE}}</a></h3>
      <p class="meta"><span class="citation">{{PROV_CITATION}}</span>{{#HAS_PARAGRAPH}} · <a class="paragraph-link" href="{{PARAGRAPH_URL}}">paragraph in the text</a>{{/HAS_PARAGRAPH}}</p>
      {{#HAS_PROV_TEXT}}<p>{{PROV_TEXT}}</p>{{/HAS_PROV_TEXT}}</li>{{/PROVISION_ITEM}}
  </ol>
</section>{{/SECTION}}
