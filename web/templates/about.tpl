{{%AUTOESCAPE context="HTML"}}<article class="prose">
<h1>About a6kb</h1>
<p>a6kb is a search engine for the literature of Article 6 of the Paris Agreement: cooperative approaches (Article 6.2), the Paris Agreement Crediting Mechanism (Article 6.4), non-market approaches (Article 6.8), and the Clean Development Mechanism methodologies and tools they build on. It holds {{DOCUMENTS}} records:</p>
<ul class="plain columns">{{#HOLDING}}<li>{{LABEL}} <span class="count">{{COUNT}}</span></li>{{/HOLDING}}</ul>
<p>Descriptions and summaries are written by the a6kb project in its own words. The official UNFCCC documents are authoritative: each record links to its official address where one is known.</p>
<h2>How to cite</h2>
<p>Cite the official document by its symbol (for example <em>decision 3/CMA.3</em> or <em>AMS-III.D, version 21.0</em>), not a6kb. To point colleagues at a search, share its address: every search page has a stable URL.</p>
<h2>Searching</h2>
<ul>
<li>Symbols in any spelling: <code>AMS-III.D</code>, <code>ams iii d</code>, <code>III.D</code>, <code>3/CMA.3</code>, <code>tool 7</code>.</li>
<li>Acronyms find their long forms: <code>DNA</code>, <code>ITMO</code>, <code>OMGE</code>, <code>PACM</code>.</li>
<li><code>"exact phrase"</code>, <code>-word</code> to exclude, <code>title:word</code>, <code>OR</code>.</li>
<li>Tick several values of one filter to see either; filters of different kinds narrow each other.</li>
</ul>
<h2>API</h2>
<p>Everything on these pages is also JSON. Examples:</p>
<pre><code>curl '{{BASE}}/api/v1/search?q=corresponding+adjustment&amp;group=DNA'
curl '{{BASE}}/api/v1/documents/3-cma-3'
curl '{{BASE}}/api/v1/facets'
curl '{{BASE}}/api/v1/suggest?q=ams-iii'
curl '{{BASE}}/feed.atom?topic=authorization-corresponding-adjustments'</code></pre>
<p>Subscribe to any search as an Atom feed: the link is at the foot of each results page. The full reference is <code>docs/api.md</code> in the source.</p>
</article>
