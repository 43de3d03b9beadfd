User-agent: *
Allow: /

Sitemap: ${sitemap}
