<#-- An expression that evaluates itself: no directive in between, so only the stack ends it. -->
<#assign again = "again?eval">${again?eval}
