User-agent: *
Allow: /

Sitemap: ${sitemapp}
