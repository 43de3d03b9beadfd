// Both properties named in one failure, with the values Maven reads; nothing built, no stack trace.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("-Darshif.compact=yes: this property is true or false, and Maven would read 'yes' as false;"
        + " write -Darshif.compact=true or -Darshif.compact=false") : log
assert log.contains("-Darshif.drafts=no: this property is true or false, and Maven would read 'no' as false;"
        + " write -Darshif.drafts=true or -Darshif.drafts=false") : log
assert log.contains('BUILD FAILURE') : log
assert !log.contains('\tat ') && !log.contains('Caused by') : 'a stack trace: ' + log
assert !new File(basedir, 'site').exists() : 'a site was built'
return true
