<#-- a part robots.ftl includes: named, so no warning -->
Disallow: /x/
