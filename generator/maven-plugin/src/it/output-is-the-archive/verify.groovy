// The goal refused the output in one finding that says what to do, printed no stack trace, and deleted nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
def root = basedir.canonicalPath
assert log.contains("[ERROR] ${root}: error: the output folder is the site folder itself") : log
// The fix names the option as Maven sets it, even from the forked build (the CLI's flag would not do here).
assert log.contains('build into a folder of its own (-Darshif.output=DIR)') && !log.contains('--output') : log
assert log.contains('1 error in the archive') && log.contains('BUILD FAILURE') : log
assert !log.contains('\tat ') && !log.contains('Caused by') && !log.contains('IOException') : 'a stack trace: ' + log
assert new File(basedir, 'pom.xml').isFile() && new File(basedir, 'content/en/2017-05-01-good.md').isFile()
def leftovers = basedir.parentFile.listFiles().findAll { it.name.startsWith(".${basedir.name}.") }
assert leftovers.isEmpty() : "left beside the archive: ${leftovers}"
return true
