{{%AUTOESCAPE context="HTML"}}<h1>Cooperative approaches</h1>
<p class="lead">Article 6.2 arrangements between Parties: memoranda of understanding, bilateral and implementation agreements, JCM partnerships. {{ARRANGEMENTS}} arrangements between {{HOSTS}} host Parties and {{ACQUIRERS}} acquiring Parties are recorded. Each record names its sources and how sure they are: facts from community sources are marked as reported and unverified.</p>
<p><a href="{{ALL_URL}}">All arrangements, newest first</a> · <a href="{{TRANSFERS_URL}}">{{TRANSFERS}} transfers, authorizations and reports</a></p>
<section aria-labelledby="matrix-title">
  <h2 id="matrix-title">Who has arrangements with whom</h2>
  <p>Rows: the host Party, where the mitigation happens; columns: the acquiring Party. Each number links to the arrangements between the two; a Party's name links to all of its arrangements.</p>
  <div class="table-scroll">
  <table class="matrix arrangements">
    <thead><tr><td></td>{{#MATRIX_HEAD}}<th scope="col"><a href="{{PARTY_URL}}">{{PARTY}}</a></th>{{/MATRIX_HEAD}}</tr></thead>
    <tbody>
    {{#MATRIX_ROW}}<tr><th scope="row"><a href="{{PARTY_URL}}">{{PARTY}}</a></th>{{#CELL}}<td>{{#CELL_LINK}}<a href="{{CELL_URL}}" aria-label="Arrangements between {{HOST}} (host) and {{ACQUIRER}} (acquirer): {{COUNT}}">{{COUNT}}</a>{{/CELL_LINK}}{{#CELL_EMPTY}}<span class="muted" aria-hidden="true">·</span><span class="visually-hidden">none</span>{{/CELL_EMPTY}}</td>{{/CELL}}</tr>{{/MATRIX_ROW}}
    </tbody>
  </table>
  </div>
  {{#MATRIX_EMPTY}}<p class="notice">No Article 6.2 arrangements are in the index. They are catalog records of type <code>arrangement</code> with <code>host</code> and <code>acquirer</code> (docs/corpus.md).</p>{{/MATRIX_EMPTY}}
</section>
