// A recursive YAML alias threw StackOverflowError in the core, which ended Maven without a BUILD FAILURE. Now it is
// a finding or one line naming the error; either way Maven reports the failure, with no stack trace, and no site.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE') : log
assert log.contains('[ERROR] Failed to execute goal org.arshif:arshif-maven-plugin:') : log
assert !log.contains('\tat ') : log
assert !log.contains('Exception in thread') : log
assert !new File(basedir, 'site').exists() : 'nothing was written'
return true
