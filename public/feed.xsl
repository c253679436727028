<?xml version="1.0" encoding="utf-8"?>
<!-- Lets a browser show a feed as a readable page; feed readers ignore this stylesheet. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat" indent="yes"/>
  <xsl:template match="/">
    <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
    <xsl:variable name="description" select="/rss/channel/description | /atom:feed/atom:subtitle"/>
    <xsl:variable name="site" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <!-- The feed cannot know the base path here; an empty icon stops the browser asking for /favicon.ico. -->
        <link rel="icon" href="data:,"/>
        <style>
          body { font: 1.0625rem/1.6 system-ui, sans-serif; max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem; color: #1f2328; background: #ffffff; }
          a { color: #0b57d0; }
          .note { padding: 0.75rem 1rem; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; }
          li { margin: 1rem 0; }
          .date { color: #57606a; font-size: 0.9rem; }
          @media (prefers-color-scheme: dark) {
            body { color: #e6edf3; background: #0d1117; } a { color: #79b8ff; }
            .note { background: #161b22; border-color: #3d444d; } .date { color: #9da7b3; }
          }
        </style>
      </head>
      <body>
        <main>
          <p class="note">
            This is a web feed. Copy its address from the address bar into your feed reader to
            follow new posts; <a href="{$site}">visit the blog</a> to read them in the browser.
          </p>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="$description"/></p>
          <h2>Posts in this feed</h2>
          <ul>
            <xsl:for-each select="/rss/channel/item">
              <li>
                <a href="{link}"><xsl:value-of select="title"/></a>
                <div class="date"><xsl:value-of select="pubDate"/></div>
                <div><xsl:value-of select="description" disable-output-escaping="no"/></div>
              </li>
            </xsl:for-each>
            <xsl:for-each select="/atom:feed/atom:entry">
              <li>
                <a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a>
                <div class="date"><xsl:value-of select="substring(atom:published, 1, 10)"/></div>
                <div><xsl:value-of select="atom:summary"/></div>
              </li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
