{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}} · a6kb</title>
<meta name="description" content="Search the Article 6 knowledge base: decisions, standards, procedures, methodologies, tools and implementation labs.">
<link rel="stylesheet" href="/static/a6kb.css?v={{ASSET_VERSION}}">
<link rel="icon" href="/static/favicon.svg?v={{ASSET_VERSION}}" type="image/svg+xml">
<link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml" title="a6kb">
{{#FEED}}<link rel="alternate" type="application/atom+xml" href="{{FEED_URL}}" title="Atom feed of this search">{{/FEED}}
<script src="/static/a6kb.js?v={{ASSET_VERSION}}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <div class="site-inner">
    <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">A6</span> a6kb <span class="brand-sub">Article 6 knowledge base</span></a>
    <nav aria-label="Site">
      <ul>
        <li><a href="/search">Browse</a></li>
        <li><a href="/arrangements">Cooperative approaches</a></li>
        <li><a href="/rulebook">Rulebook</a></li>
        <li><a href="/labs">Labs</a></li>
        <li><a href="/about">About &amp; API</a></li>
      </ul>
    </nav>
  </div>
</header>
<main id="main" tabindex="-1">
