{{%AUTOESCAPE context="HTML"}}<article class="community desk">
<h1>Lab desk</h1>
<p class="lead">{{LAB_TITLE}} <span class="muted">({{LAB}})</span></p>
<p class="help">For the lab's rapporteur, during or right after the session: each form saves one entry, approved at once under your name ({{MODERATOR}}), and comes back empty for the next. Entries are searchable within seconds and fill the <a href="/labs">labs page</a>.</p>
{{#SAVED}}<p class="notice" role="status">Saved as number {{ID}}. Next one.</p>{{/SAVED}}
{{#ERROR}}<p class="notice error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<section aria-labelledby="desk-q"><h2 id="desk-q">A question between groups</h2>
<form method="post" action="/labs/{{LAB}}/record" class="contribution">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="question">
  <p><label for="q-groups">The group that asks</label>
  <select id="q-groups" name="groups" required><option value="">(choose)</option>{{#GROUP}}<option value="{{ID}}">{{LABEL}}</option>{{/GROUP}}</select></p>
  <p><label for="q-to">The group asked</label>
  <select id="q-to" name="to_groups" required><option value="">(choose)</option>{{#GROUP}}<option value="{{ID}}">{{LABEL}}</option>{{/GROUP}}</select></p>
  <p><label for="q-text">The question</label><textarea id="q-text" name="text" rows="3" maxlength="8000" required></textarea></p>
  <p><label for="q-answer">The answer given <span class="muted">(optional: leave empty if it stays open)</span></label><textarea id="q-answer" name="answer" rows="3" maxlength="8000"></textarea></p>
  <p><button type="submit">Save, next question</button></p>
</form></section>
<section aria-labelledby="desk-o"><h2 id="desk-o">An outcome</h2>
<form method="post" action="/labs/{{LAB}}/record" class="contribution">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="outcome">
  <p><label for="o-title">In a few words</label><input id="o-title" name="title" maxlength="300" required></p>
  <p><label for="o-text">What was agreed or found</label><textarea id="o-text" name="text" rows="3" maxlength="8000" required></textarea></p>
  <p><button type="submit">Save, next outcome</button></p>
</form></section>
<section aria-labelledby="desk-p"><h2 id="desk-p">A pledge</h2>
<form method="post" action="/labs/{{LAB}}/record" class="contribution">
  <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="pledge">
  <p><label for="p-by">Who pledges</label><input id="p-by" name="by" maxlength="200" required></p>
  <p><label for="p-groups">Their group</label>
  <select id="p-groups" name="groups"><option value="">(choose)</option>{{#GROUP}}<option value="{{ID}}">{{LABEL}}</option>{{/GROUP}}</select></p>
  <p><label for="p-text">What they pledge</label><textarea id="p-text" name="text" rows="3" maxlength="8000" required></textarea></p>
  <p><label for="p-due">By when <span class="muted">(optional)</span></label><input id="p-due" name="due" maxlength="10" placeholder="YYYY-MM-DD"></p>
  <p><button type="submit">Save, next pledge</button></p>
</form></section>
</article>
