{{%AUTOESCAPE context="HTML"}}<article class="community">
<h1>Moderation</h1>
{{#ERROR}}<p class="notice error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#NOTICE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NOTICE}}
{{#LOGIN}}<p>Moderators log in with the token they were given (<code>a6kb-searchd moderator add NAME</code> prints it once).</p>
<form method="post" action="/moderate/login" class="contribution">
  <p><label for="token">Moderator token</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required></p>
  <p><button type="submit">Log in</button></p>
</form>{{/LOGIN}}
{{#QUEUE}}<p>Logged in as <strong>{{MODERATOR}}</strong>.</p>
<form method="post" action="/moderate/logout" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">Log out</button></form>
<p>{{#HAS_LABS}}Lab desks: {{#DESK}}<a href="/labs/{{SYMBOL}}/record">{{SYMBOL}}</a> {{/DESK}}{{/HAS_LABS}}</p>
<h2>Waiting for moderation <span class="count">{{PENDING}}</span></h2>
{{#EMPTY}}<p>Nothing is waiting.</p>{{/EMPTY}}
{{#ITEM}}<section class="queue-item" aria-labelledby="c-{{ID}}">
  <h3 id="c-{{ID}}">#{{ID}} · {{KIND}} · <span class="muted">{{SUBMITTED}}</span></h3>
  <dl class="fields">{{#FIELD}}<dt>{{NAME}}</dt><dd>{{VALUE}}</dd>{{/FIELD}}</dl>
  <form method="post" action="/moderate/{{ID}}" class="contribution">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p><label for="title-{{ID}}">Title</label><input id="title-{{ID}}" name="title" maxlength="300" value="{{TITLE}}"></p>
    <p><label for="text-{{ID}}">Text</label><textarea id="text-{{ID}}" name="text" rows="5" maxlength="8000">{{TEXT}}</textarea></p>
    <p><label for="reason-{{ID}}">Reason <span class="muted">(for a rejection; kept in the log)</span></label><input id="reason-{{ID}}" name="reason" maxlength="1000"></p>
    <p class="actions"><button type="submit" name="action" value="approve">Save and approve</button>
    <button type="submit" name="action" value="edit" class="secondary">Save edits</button>
    <button type="submit" name="action" value="reject" class="secondary">Reject</button></p>
  </form>
</section>{{/ITEM}}
{{#HAS_APPROVED}}<h2>Recently approved</h2>
<ul class="plain">{{#APPROVED}}<li>#{{ID}} <a href="/doc/community-{{ID}}">{{TITLE}}</a>
<form method="post" action="/moderate/{{ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="reason" value="withdrawn by a moderator"><button type="submit" name="action" value="withdraw" class="secondary">Withdraw</button></form></li>{{/APPROVED}}</ul>{{/HAS_APPROVED}}
{{/QUEUE}}
</article>
