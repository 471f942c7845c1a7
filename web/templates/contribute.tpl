{{%AUTOESCAPE context="HTML"}}<article class="community">
<h1>Contribute</h1>
<p class="lead">The knowledge base grows with what its community knows. Send a question to a stakeholder group, answer one, point others to a useful resource, or tell how you dealt with an obstacle. A moderator reads every contribution before it is published; once approved it can be searched like any other record, within seconds.</p>
{{#THANKS}}<p class="notice" role="status">Thank you. Your contribution is number {{ID}}; it waits for a moderator and will appear in search once approved.</p>{{/THANKS}}
{{#ERROR}}<p class="notice error" role="alert" id="form-error">{{MESSAGE}}</p>{{/ERROR}}
<nav aria-label="Kinds of contribution"><ul class="kinds">{{#KIND_LINK}}<li>{{#CURRENT}}<strong aria-current="page">{{LABEL}}</strong>{{/CURRENT}}{{#OTHER}}<a href="/contribute?kind={{KIND}}">{{LABEL}}</a>{{/OTHER}}</li>{{/KIND_LINK}}</ul></nav>
<form class="contribution" method="post" action="/contribute">
  <input type="hidden" name="kind" value="{{KIND}}">
  <h2>{{KIND_TITLE}}</h2>
  <p class="help">{{KIND_HELP}}</p>
  {{#F_ANSWERS}}<p><label for="answers">Number of the question you answer</label>
  <input id="answers" name="answers" type="number" min="1" required value="{{V_ANSWERS}}">
  <span class="help">The number is on the question's page (its symbol A6KB-Q and a number). <a href="/search?type=lab-question&amp;status=open">Open questions</a></span></p>{{/F_ANSWERS}}
  {{#F_GROUPS}}<p><label for="groups">{{GROUPS_LABEL}}</label>
  <select id="groups" name="groups"{{#GROUPS_REQUIRED}} required{{/GROUPS_REQUIRED}}><option value="">(choose)</option>{{#GROUP}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/GROUP}}</select></p>{{/F_GROUPS}}
  {{#F_TO_GROUPS}}<p><label for="to_groups">The group you ask</label>
  <select id="to_groups" name="to_groups" required><option value="">(choose)</option>{{#TO_GROUP}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TO_GROUP}}</select></p>{{/F_TO_GROUPS}}
  {{#F_BY}}<p><label for="by">Who pledges (an organization or a person)</label>
  <input id="by" name="by" maxlength="200" required value="{{V_BY}}"></p>{{/F_BY}}
  <p><label for="title">Title{{#TITLE_OPTIONAL}} <span class="muted">(optional)</span>{{/TITLE_OPTIONAL}}</label>
  <input id="title" name="title" maxlength="300" value="{{V_TITLE}}"{{#TITLE_REQUIRED}} required{{/TITLE_REQUIRED}}></p>
  <p><label for="text">{{TEXT_LABEL}}</label>
  <textarea id="text" name="text" rows="7" maxlength="8000" required>{{V_TEXT}}</textarea></p>
  {{#F_URL}}<p><label for="url">Address (https:// or http://)</label>
  <input id="url" name="url" type="url" maxlength="500" required value="{{V_URL}}"></p>{{/F_URL}}
  {{#F_DUE}}<p><label for="due">By when <span class="muted">(optional; YYYY-MM-DD, YYYY-MM or YYYY)</span></label>
  <input id="due" name="due" maxlength="10" value="{{V_DUE}}"></p>{{/F_DUE}}
  {{#F_LAB}}<p><label for="lab">Lab <span class="muted">({{LAB_NOTE}})</span></label>
  <select id="lab" name="lab"><option value="">(none)</option>{{#LAB}}<option value="{{SYMBOL}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>{{/LAB}}</select></p>{{/F_LAB}}
  <fieldset><legend>Topics <span class="muted">(optional)</span></legend>
  <div class="topic-list">{{#TOPIC}}<label class="check"><input type="checkbox" name="topics" value="{{ID}}"{{#SELECTED}} checked{{/SELECTED}}> <span>{{LABEL}}</span></label>{{/TOPIC}}</div></fieldset>
  <p><label for="contact">How a moderator can reach you <span class="muted">(optional; never shown)</span></label>
  <input id="contact" name="contact" maxlength="200" value="{{V_CONTACT}}" autocomplete="email"></p>
  <p class="hp"><label for="website">Leave this field empty (it catches automated spam)</label><input id="website" name="website" tabindex="-1" autocomplete="off"></p>
  <p><button type="submit">Send for moderation</button></p>
</form>
<p class="muted">Everything you write here is published under the site's terms once approved, except the contact. Please do not paste text you may not share. Scripts may use the same contract: <code>POST /api/v1/contributions</code> (docs/community.md).</p>
</article>
