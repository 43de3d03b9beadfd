<#-- A macro that calls itself without end. -->
<#macro again n><@again n + 1/></#macro>
<@again 1/>
