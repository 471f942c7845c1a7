{{%AUTOESCAPE context="HTML"}}<h1>Implementation labs</h1>
<p class="lead">Roundtables where development banks, project developers, private finance, governments and DNAs, and UN organizations work through Article 6 questions together. Each lab below shows what was planned and, once added, what came out of it.</p>
{{#NO_LABS}}<p>No lab records are in the index yet.</p>{{/NO_LABS}}
{{#LAB}}<section class="lab" aria-labelledby="lab-{{ID}}">
  <h2 id="lab-{{ID}}"><a href="{{DOC_URL}}">{{TITLE}}</a></h2>
  <p class="hit-meta">{{#HAS_DATE}}<time datetime="{{DATE_ISO}}">{{DATE}}</time>{{/HAS_DATE}}{{#HAS_STATUS}} · <span class="badge">{{STATUS_LABEL}}</span>{{/HAS_STATUS}}</p>
  {{#HAS_SUMMARY}}<p>{{SUMMARY}}</p>{{/HAS_SUMMARY}}
  {{#DESK}}<p><a href="/labs/{{DESK_SYMBOL}}/record">Lab desk</a> <span class="muted">(for the rapporteur: record questions, answers, outcomes and pledges)</span></p>{{/DESK}}
  {{#HAS_ROUNDTABLE}}<h3>Roundtables</h3>
  <ul class="cards">{{#ROUNDTABLE}}<li><a href="{{DOC_URL}}">{{TITLE}}</a>{{#HAS_STATUS}} <span class="badge">{{STATUS_LABEL}}</span>{{/HAS_STATUS}}</li>{{/ROUNDTABLE}}</ul>{{/HAS_ROUNDTABLE}}
  {{#HAS_QUESTION}}<h3>Questions for participants</h3>
  <ul class="plain questions">{{#QUESTION}}<li><a href="{{DOC_URL}}">{{TITLE}}</a>{{#HAS_STATUS}} <span class="badge">{{STATUS_LABEL}}</span>{{/HAS_STATUS}}{{#HAS_GROUPS}}<br><span class="meta">Concerns: {{GROUPS}}</span>{{/HAS_GROUPS}}</li>{{/QUESTION}}</ul>{{/HAS_QUESTION}}
  {{#HAS_PLAN}}<h3>Expected outcomes <span class="muted">(the plan)</span></h3>
  <ul class="plain">{{#PLAN}}<li><a href="{{DOC_URL}}">{{TITLE}}</a>{{#HAS_STATUS}} <span class="badge">{{STATUS_LABEL}}</span>{{/HAS_STATUS}}</li>{{/PLAN}}</ul>{{/HAS_PLAN}}
  {{#HAS_OUTCOME}}<h3>Outcomes</h3><ul class="plain">{{#OUTCOME}}<li><a href="{{DOC_URL}}">{{TITLE}}</a>{{#HAS_DATE}} <span class="meta">{{DATE}}</span>{{/HAS_DATE}}</li>{{/OUTCOME}}</ul>{{/HAS_OUTCOME}}
  {{#HAS_PLEDGE}}<h3>Pledges</h3><ul class="plain">{{#PLEDGE}}<li><a href="{{DOC_URL}}">{{TITLE}}</a>{{#HAS_GROUPS}} <span class="meta">{{GROUPS}}</span>{{/HAS_GROUPS}}</li>{{/PLEDGE}}</ul>{{/HAS_PLEDGE}}
  {{#NO_OUTCOMES}}<p class="notice">No outcomes or pledges have been recorded for this lab yet: everything above is the plan.</p>{{/NO_OUTCOMES}}
</section>{{/LAB}}
<section aria-labelledby="matrix-title">
  <h2 id="matrix-title">Who asked whom</h2>
  <p>Questions one stakeholder group put to another in the lab roundtables. Rows: the group that asked; columns: the group asked. Each number links to those questions.</p>
  <div class="table-scroll">
  <table class="matrix">
    <thead><tr><td></td>{{#MATRIX_HEAD}}<th scope="col">{{GROUP_LABEL}}</th>{{/MATRIX_HEAD}}</tr></thead>
    <tbody>
    {{#MATRIX_ROW}}<tr><th scope="row">{{GROUP_LABEL}}</th>{{#CELL}}<td>{{#CELL_LINK}}<a href="{{CELL_URL}}" aria-label="{{COUNT}} questions from {{ASKER}} to {{ASKED}}">{{COUNT}}</a>{{/CELL_LINK}}{{#CELL_EMPTY}}<span class="muted" aria-hidden="true">·</span><span class="visually-hidden">none</span>{{/CELL_EMPTY}}</td>{{/CELL}}</tr>{{/MATRIX_ROW}}
    </tbody>
  </table>
  </div>
  {{#MATRIX_EMPTY}}<p class="notice">No questions between groups have been recorded yet.{{#NO_COMMUNITY}} They are added with the lab outcomes (a lab question with <code>asked-by</code> and <code>group</code> in its catalog entry; see docs/corpus.md).{{/NO_COMMUNITY}}{{#COMMUNITY}} <a href="/contribute?kind=question">Ask the first one</a>.{{/COMMUNITY}}</p>{{/MATRIX_EMPTY}}
  <p>The table counts approved questions only. <a href="/search?type=lab-question&amp;status=open&amp;group=governments-dnas">Open questions to DNAs</a> (still unanswered) is a search like any other: refine it, or follow it as an <a href="/feed.atom?type=lab-question&amp;status=open&amp;group=governments-dnas">Atom feed</a>.</p>
</section>
{{#COMMUNITY}}<section aria-labelledby="contribute-title">
  <h2 id="contribute-title">Add to the labs</h2>
  <p>The labs are a community of practice, and anyone can add to what they hold:</p>
  <ul>
    <li><a href="/contribute?kind=question">Ask a stakeholder group a question</a>, or <a href="/search?type=lab-question&amp;status=open">answer an open one</a> (<a href="/contribute?kind=answer">answer form</a>).</li>
    <li><a href="/contribute?kind=resource">Share a resource</a> or <a href="/contribute?kind=challenge">describe an implementation challenge</a> and how it was met.</li>
    <li><a href="/contribute?kind=outcome">Report an outcome</a> or <a href="/contribute?kind=pledge">record a pledge</a> made at a lab.</li>
  </ul>
  <p>A moderator reads each contribution before it is published; approved ones are searchable within seconds and counted above. A lab's rapporteur records the session's questions, answers, outcomes and pledges at the lab's desk (linked under each lab), after logging in at <a href="/moderate">/moderate</a>.</p>
</section>{{/COMMUNITY}}
