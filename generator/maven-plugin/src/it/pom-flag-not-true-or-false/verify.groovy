// Each value named at its line and column in the POM, with the fix in the POM's words; TRUE is fine; nothing
// built, no stack trace. The comment on line 7 that holds <compact>yes</compact> is not named.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("pom.xml:24:11: <compact>yes</compact>: this parameter is true or false, and Maven would read"
        + " 'yes' as false; write <compact>true</compact> or <compact>false</compact>") : log
assert log.contains("pom.xml:25:11: <drafts>No</drafts>: this parameter is true or false") : log
assert log.contains("pom.xml:14:5: <arshif.incremental>nope</arshif.incremental>: this property is true or false,"
        + " and Maven would read 'nope' as false; write <arshif.incremental>true</arshif.incremental> or"
        + " <arshif.incremental>false</arshif.incremental>") : log
assert !log.contains('pom.xml:7:') : 'the comment named: ' + log
assert !log.contains('uglyUrls') : 'TRUE is true: ' + log
assert log.contains('BUILD FAILURE') : log
assert !log.contains('\tat ') && !log.contains('Caused by') : 'a stack trace: ' + log
assert !new File(basedir, 'site').exists() : 'a site was built'
return true
