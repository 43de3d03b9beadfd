<#-- meant to override article.ftlh -->
MY ARTICLE
