{{%AUTOESCAPE context="HTML"}}<section class="error">
  <h1>{{#IS_404}}Page not found{{/IS_404}}{{#IS_OTHER}}Error {{STATUS}}{{/IS_OTHER}}</h1>
  <p>{{MESSAGE}}</p>
  <form class="search" role="search" action="/search" method="get">
    <label for="q">Search the knowledge base</label>
    <div class="search-row">
      <input id="q" name="q" type="search" value="{{Q}}" autocomplete="off">
      <button type="submit">Search</button>
    </div>
  </form>
  <p><a href="/">Home</a></p>
</section>
