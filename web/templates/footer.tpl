{{%AUTOESCAPE context="HTML"}}</main>
<footer class="site">
  <p>a6kb indexes official UNFCCC texts and describes them in its own words; the official documents are authoritative. <a href="/about">About, citing and the API</a> · <a href="/opensearch.xml">Add as a search engine</a></p>
</footer>
</body>
</html>
