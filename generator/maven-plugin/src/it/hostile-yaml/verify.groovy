// A recursive alias and deep nesting threw StackOverflowError, which killed Maven with no BUILD FAILURE.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[ERROR] content/en/2017-05-01-deep.md:3:72: error: the YAML is nested more than 64 levels deep") : log
assert log.contains("[ERROR] content/en/2017-05-01-loop.md:3:11: error: alias '*a' is inside the value it names") : log
assert log.contains('2 errors in the archive') : log
assert log.contains('BUILD FAILURE') : log
assert !log.contains('StackOverflowError') : log
assert !new File(basedir, 'site').exists() : 'a failed build writes no site'
return true
