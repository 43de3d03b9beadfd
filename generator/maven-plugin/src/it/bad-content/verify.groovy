// The build failed (invoker.buildResult = failure); it must say where, in the compiler's format, and write nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("[ERROR] content/en/2017-05-01-bad.md:3:8: error: 'draft' must be true or false, but it is \"maybe\"") : log
assert log.contains("[ERROR] content/en/2017-13-02-bad-name.md:1:1: error: the file name starts with '2017-13-02'") : log
assert log.contains('2 errors in the archive') : log
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'site').exists() : 'a failed build writes no site'
def leftovers = basedir.listFiles().findAll { it.name.startsWith('.site.') }
assert leftovers.isEmpty() : "staging folders left behind: ${leftovers}"
return true
