<#-- A list without end: 1.. has no last number. Each round writes a kilobyte. -->
<#list 1.. as i>
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
This line comes back again and again, for the list has no end.
</#list>
