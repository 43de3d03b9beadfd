User-agent: *
<#include "robot.ftl">
